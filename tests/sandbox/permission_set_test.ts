import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/mod.ts";
import { requiredPermissions } from "../../src/sandbox/mod.ts";
import { ROOT } from "../_helpers/cli.ts";

const denoJson = JSON.parse(readFileSync(`${ROOT}deno.json`, "utf8"));
const set = denoJson.permissions.default;
const needs = requiredPermissions({
  config: resolveConfig({ env: {} }).config,
  home: { dir: ROOT.replace(/\/$/, ""), source: "checkout" },
  env: { HOME: "/home/me" },
  cwd: "/",
});

describe("deno.json's local-only permission set", () => {
  it("grants the checkout home exactly what the default configuration needs", () => {
    expect(set.read).toEqual(["."]);
    expect(set.write).toEqual(["./memory", "./assets/gep"]);
    const writes = needs.filter((n) => n.kind === "write").map((n) => n.value);
    expect(writes).toEqual([`${ROOT}memory`, `${ROOT}assets/gep`]);
    expect(set.run).toEqual(["git"]);
    expect(set.sys).toEqual(["loadavg"]);
    expect(set.env).toBe(true);
  });

  it("allows only loopback hosts, covering every host the default configuration needs", () => {
    for (const host of set.net as string[]) expect(host).toMatch(/^(127\.0\.0\.1|localhost):\d+$/);
    for (const need of needs.filter((n) => n.kind === "net")) {
      expect(set.net).toContain(need.value);
    }
  });

  it("is what `deno task compile` bakes into the binary for the network", () => {
    const compile: string = denoJson.tasks.compile;
    expect(compile).toContain(`--allow-net=${(set.net as string[]).join(",")}`);
    expect(compile).toContain("--include dashboard");
    expect(compile).toContain("--include plugin"); // `lshml plugin install` copies plugin/*.js
    expect(compile).toContain("--exclude-unused-npm");
    expect(compile).toContain("-o dist/lshml");
  });
});
