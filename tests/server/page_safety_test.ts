import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../_helpers/cli.ts";

const DASHBOARD = join(ROOT, "dashboard");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]
  );
}

const served = files(DASHBOARD).filter((f) => /\.(html|css|js|svg)$/.test(f));
const scripts = served.filter((f) => f.endsWith(".js"));

describe("the dashboard's own files", () => {
  it("type-check as JavaScript against the DOM (no undefined names, no wrong chart options)", async () => {
    const output = await new Deno.Command(Deno.execPath(), {
      env: { NO_COLOR: "1" },
      args: [
        "check",
        "--quiet",
        "--config",
        join(ROOT, "tests", "server", "_dashboard_check.json"),
        join(DASHBOARD, "js", "app.js"),
      ],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(output.stderr);
    expect(text.split("\n").filter((l) => /ERROR|error/.test(l)), text).toEqual([]);
    expect(output.code).toBe(0);
  });

  it("never turn data into HTML or code", () => {
    const sinks =
      /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setAttribute\("on|createContextualFragment|DOMParser/;
    for (const file of scripts) {
      const hits = readFileSync(file, "utf8").split("\n").filter((line) => sinks.test(line));
      expect(hits, file).toEqual([]);
    }
  });

  it("reference no other host, so the page can make no external request", () => {
    for (const file of served) {
      const text = readFileSync(file, "utf8")
        // The SVG namespace is a name, never fetched.
        .replaceAll("http://www.w3.org/2000/svg", "");
      expect(text.match(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/gi), file).toBeNull();
    }
  });

  it("keep scripts and styles out of the HTML, as the Content-Security-Policy requires", () => {
    const html = readFileSync(join(DASHBOARD, "index.html"), "utf8");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style=|\son[a-z]+=/i);
  });
});
