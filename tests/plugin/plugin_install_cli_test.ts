import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { homeFlags, lshml, ROOT, tempDir } from "../_helpers/cli.ts";
import { ECHO_SOURCE, pluginManifest } from "../../src/agent_server/mod.ts";
import { CTX, PROMPT_EVENT, recordingLogger } from "./_bridge_helpers.ts";

const BRIDGE_KEY = Symbol.for("lshml.engine");
type Slot = { bridge: { stop(): void; state: string } } | undefined;
const slot = () => (globalThis as unknown as Record<symbol, Slot>)[BRIDGE_KEY];

afterEach(() => {
  slot()?.bridge.stop();
  delete (globalThis as unknown as Record<symbol, unknown>)[BRIDGE_KEY];
});

/** A stand-in `openclaw` on PATH that records its arguments, one call per line. */
function fakeOpenClaw(): { bin: string; calls: () => string[][] } {
  const bin = tempDir("lshml-fake-openclaw-");
  const log = join(bin, "calls.jsonl");
  writeFileSync(
    join(bin, "openclaw"),
    `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\necho "fake openclaw: ok"\n`,
  );
  chmodSync(join(bin, "openclaw"), 0o755);
  return {
    bin,
    calls: () => readFileSync(log, "utf8").trim().split("\n").map((l) => l.split(" ")),
  };
}

describe("lshml plugin install", () => {
  it("writes a plugin folder whose entry runs this lshml as the engine, and prints the link commands", async () => {
    const home = tempDir();
    const run = await lshml(["--home", home, "plugin", "install", "--json"], {
      sandbox: { flags: homeFlags(home) },
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const dir = join(home, "openclaw-plugin");
    expect(report.dir).toBe(dir);
    expect(report.files).toEqual(expect.arrayContaining([
      "openclaw.plugin.json",
      "package.json",
      "index.js",
      "bridge.js",
      "lshml-engine.json",
    ]));
    expect(report.engine).toEqual({
      checkout: ROOT.replace(/\/$/, ""),
      denoPath: expect.any(String),
      home,
    });
    expect(report.commands).toEqual([
      ["openclaw", "plugins", "install", "--link", dir, "--force", "--accept-capabilities"],
      [
        "openclaw",
        "config",
        "set",
        "plugins.entries.lshml.hooks.allowConversationAccess",
        "true",
        "--strict-json",
      ],
    ]);
    expect(report.ran).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, "openclaw.plugin.json"), "utf8"))).toEqual(
      JSON.parse(JSON.stringify(pluginManifest())),
    );
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).openclaw.extensions)
      .toEqual(["./index.js"]);

    // The written folder works on its own: its entry finds the engine through lshml-engine.json.
    const { default: plugin } = await import(pathToFileURL(join(dir, "index.js")).href);
    const hooks = new Map<string, (event: unknown, ctx: unknown) => unknown>();
    const log = recordingLogger();
    plugin.register({
      registrationMode: "full",
      rootDir: dir,
      version: "0.1.0",
      pluginConfig: { engine: { args: ["--echo"], hookBudgetMs: 20_000 } },
      logger: log.logger,
      on: (hook: string, handler: (event: unknown, ctx: unknown) => unknown) =>
        hooks.set(hook, handler),
    });
    const answer = await hooks.get("before_prompt_build")?.(PROMPT_EVENT, CTX) as {
      prependContext: string;
    };
    expect(answer.prependContext).toContain(ECHO_SOURCE);
    expect(log.text()).toContain(`lshml: initialized (home ${home}`);
  });

  it("--yes runs openclaw's link and allowConversationAccess commands", async () => {
    const home = tempDir();
    const openclaw = fakeOpenClaw();
    const run = await lshml(["--home", home, "plugin", "install", "--yes"], {
      sandbox: { flags: [...homeFlags(home), "--allow-run=openclaw"] },
      env: { PATH: `${openclaw.bin}:${Deno.env.get("PATH")}` },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("linked: OpenClaw loads lshml from its next start");
    expect(openclaw.calls()).toEqual([
      [
        "plugins",
        "install",
        "--link",
        join(home, "openclaw-plugin"),
        "--force",
        "--accept-capabilities",
      ],
      [
        "config",
        "set",
        "plugins.entries.lshml.hooks.allowConversationAccess",
        "true",
        "--strict-json",
      ],
    ]);
  });

  it("--yes without openclaw on PATH prints the commands and exits 1", async () => {
    const home = tempDir();
    const run = await lshml(["--home", home, "plugin", "install", "--yes"], {
      sandbox: { flags: homeFlags(home) },
      env: { PATH: "/nonexistent" },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("openclaw is not on PATH here.");
    expect(run.stdout).toContain(
      `openclaw plugins install --link ${join(home, "openclaw-plugin")}`,
    );
  });

  it("names the exact Deno flag when the sandbox does not let it run openclaw", async () => {
    const home = tempDir();
    const openclaw = fakeOpenClaw();
    const run = await lshml(["--home", home, "plugin", "install", "--yes"], {
      sandbox: { flags: homeFlags(home) },
      env: { PATH: `${openclaw.bin}:${Deno.env.get("PATH")}` },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("run openclaw: to link the plugin");
    expect(run.stderr).toContain("--allow-run=git,openclaw");
  });

  it("names the exact Deno flags when the sandbox does not let it write the folder", async () => {
    const home = tempDir();
    const run = await lshml(
      ["--home", home, "plugin", "install", "--dir", "/tmp/elsewhere-plugin"],
      {
        sandbox: { flags: homeFlags(home) },
      },
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("write /tmp/elsewhere-plugin: to write the plugin folder");
  });
});
