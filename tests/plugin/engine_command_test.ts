import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  engineArgv,
  findOnPath,
  locateEngine,
  readFolderDefaults,
} from "../../plugin/engine_command.js";
import { ROOT } from "./_bridge_helpers.ts";

const checkoutRoot = ROOT.replace(/\/$/, "");
const denoEnv = { PATH: "/nonexistent", HOME: "/nonexistent" };

describe("finding the engine (plugin/engine_command.js)", () => {
  it("runs the checkout around the plugin/ folder with deno -P", () => {
    const location = locateEngine({ denoPath: "/opt/deno" }, join(checkoutRoot, "plugin"), denoEnv);
    expect(location).toEqual({ kind: "deno", deno: "/opt/deno", checkout: checkoutRoot });
    expect(engineArgv(location, ["-P"], ["--echo"])).toEqual([
      "/opt/deno",
      "run",
      "--quiet",
      "--no-prompt",
      "-P",
      "--config",
      join(checkoutRoot, "deno.json"),
      join(checkoutRoot, "main.ts"),
      "agent",
      "serve",
      "--stdio",
      "--echo",
    ]);
  });

  it("runs the checkout itself when the plugin folder is the checkout root", () => {
    expect(locateEngine({ denoPath: "/opt/deno" }, checkoutRoot, denoEnv)).toMatchObject({
      checkout: checkoutRoot,
    });
  });

  it("prefers engine.command, verbatim, with engine.args after it", () => {
    const location = locateEngine(
      { command: ["/usr/local/bin/lshml", "agent", "serve", "--stdio"] },
      undefined,
      {},
    );
    expect(engineArgv(location, ["-P"], ["--set", "runtime.learnMode=all"])).toEqual([
      "/usr/local/bin/lshml",
      "agent",
      "serve",
      "--stdio",
      "--set",
      "runtime.learnMode=all",
    ]);
  });

  it("says what to set when there is no checkout and no command", () => {
    const location = locateEngine({}, mkdtempSync(join(tmpdir(), "lshml-nowhere-")), denoEnv);
    expect(location.kind).toBe("missing");
    expect(location.kind === "missing" && location.reason).toContain("engine.command");
  });

  it("finds deno on PATH", () => {
    const bin = mkdtempSync(join(tmpdir(), "lshml-bin-"));
    writeFileSync(join(bin, "deno"), "#!/bin/sh\n", { mode: 0o755 });
    expect(findOnPath("deno", { PATH: `/nonexistent:${bin}` })).toBe(join(bin, "deno"));
    expect(locateEngine({}, join(checkoutRoot, "plugin"), { PATH: bin })).toMatchObject({
      deno: join(bin, "deno"),
    });
  });

  it("reads the engine a written plugin folder names (lshml-engine.json)", () => {
    const dir = mkdtempSync(join(tmpdir(), "lshml-folder-"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "lshml-engine.json"),
      JSON.stringify({
        command: ["/bin/lshml", "agent", "serve", "--stdio"],
        home: "/h",
        stray: 1,
      }),
    );
    expect(readFolderDefaults(dir)).toEqual({
      defaults: { command: ["/bin/lshml", "agent", "serve", "--stdio"], home: "/h" },
    });
    writeFileSync(join(dir, "lshml-engine.json"), "{not json");
    expect(readFolderDefaults(dir).problem).toContain("cannot read");
  });
});
