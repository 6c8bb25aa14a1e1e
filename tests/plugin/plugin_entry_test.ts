import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Bridge } from "../../plugin/bridge.js";
import plugin, { BRIDGE_KEY } from "../../plugin/index.js";
import { ECHO_SOURCE } from "../../src/agent_server/mod.ts";
import { CTX, fakeEngine, PROMPT_EVENT, recordingLogger, ROOT, until } from "./_bridge_helpers.ts";

type Handler = (event: unknown, ctx: unknown) => unknown;

/** A stand-in for OpenClaw's plugin api: records hook registrations. */
function fakeApi(mode: string, pluginConfig: unknown, logger = recordingLogger().logger) {
  const hooks = new Map<string, Handler>();
  return {
    hooks,
    api: {
      registrationMode: mode,
      rootDir: join(ROOT, "plugin"),
      source: join(ROOT, "plugin", "index.js"),
      version: JSON.parse(readFileSync(join(ROOT, "plugin", "package.json"), "utf8")).version,
      pluginConfig,
      logger,
      on: (hook: string, handler: Handler) => hooks.set(hook, handler),
    },
  };
}

function processBridge(): Bridge | undefined {
  const slot =
    (globalThis as unknown as Record<symbol, { bridge: Bridge } | undefined>)[BRIDGE_KEY];
  return slot?.bridge;
}

afterEach(() => {
  processBridge()?.stop();
  delete (globalThis as unknown as Record<symbol, unknown>)[BRIDGE_KEY];
});

describe("the plugin entry (plugin/index.js)", () => {
  it("exports OpenClaw's plugin shape with the manifest's id", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "openclaw.plugin.json"), "utf8"));
    expect(plugin.id).toBe(manifest.id);
    expect(plugin.name).toBe("lshml");
    expect(typeof plugin.register).toBe("function");
  });

  it("shares one engine among its three registrations per process (full, then discovery ×2)", async () => {
    const log = recordingLogger();
    const config = { engine: { command: fakeEngine("ok") } };
    const loads = ["full", "discovery", "discovery"].map((mode) =>
      fakeApi(mode, config, log.logger)
    );
    const t0 = performance.now();
    for (const { api } of loads) plugin.register(api);
    const registerMs = performance.now() - t0;
    expect(registerMs).toBeLessThan(200); // cheap: the engine starts on the next tick
    for (const { hooks } of loads) {
      expect([...hooks.keys()].sort()).toEqual(
        ["after_tool_call", "agent_end", "before_prompt_build", "llm_output"],
      );
    }
    const answer = await loads[2]?.hooks.get("before_prompt_build")?.(PROMPT_EVENT, CTX);
    expect(answer).toEqual({ prependContext: "fake answer to before_prompt_build" });
    expect(processBridge()?.stats.starts).toBe(1);
    expect(log.count("info", /starting the engine/)).toBe(1);
  });

  it("returns nothing from fire-and-forget hooks (OpenClaw does not wait for them)", () => {
    const { api, hooks } = fakeApi("full", { engine: { command: fakeEngine("ok") } });
    plugin.register(api);
    expect(hooks.get("agent_end")?.({ messages: [] }, CTX)).toBeUndefined();
    expect(hooks.get("after_tool_call")?.({ toolName: "read" }, CTX)).toBeUndefined();
  });

  it("runs the real engine from its checkout with -P, then with exactly the flags it asks for", async () => {
    const home = mkdtempSync(join(tmpdir(), "lshml-plugin-home-"));
    const log = recordingLogger();
    const { api, hooks } = fakeApi("full", { engine: { home, args: ["--echo"] } }, log.logger);
    plugin.register(api);
    const answer = await hooks.get("before_prompt_build")?.(PROMPT_EVENT, CTX) as
      | { prependContext?: string }
      | undefined;
    // A cold start (two Deno processes) may exceed the default 1.5 s budget on a busy machine.
    if (answer === undefined) await until(() => processBridge()?.state === "ready", 20_000);
    const again = await hooks.get("before_prompt_build")?.(PROMPT_EVENT, CTX) as {
      prependContext?: string;
    };
    expect(again.prependContext).toContain(`<lshml-memories source="${ECHO_SOURCE}"`);
    expect(again.prependContext).toContain("session agent:main:main; prompt 24 chars");
    const text = log.text();
    expect(text).toMatch(/starting the engine \(pid \d+\): \S*deno run --quiet --no-prompt -P /);
    expect(text).toContain(
      `restarting it with exactly: --allow-read=${home},${ROOT.replace(/\/$/, "")} ` +
        `--allow-write=${home} --allow-net=localhost:11434 --allow-env`,
    );
    expect(text).toContain(`lshml: initialized (home ${home}, handler echo (bridge test)`);
    expect(processBridge()?.stats.starts).toBe(2);
  });
});
