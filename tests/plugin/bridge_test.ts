import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Bridge } from "../../plugin/bridge.js";
import { bridgeWith, CTX, fakeEngine, PROMPT_EVENT, ROOT, until } from "./_bridge_helpers.ts";

const started: Bridge[] = [];
function track<T extends { bridge: Bridge }>(made: T): T {
  started.push(made.bridge);
  return made;
}
afterEach(() => {
  for (const bridge of started.splice(0)) bridge.stop();
});

describe("the plugin bridge (plugin/bridge.js) against stand-in engines", () => {
  it("passes on only the injectable string fields of the engine's answer", async () => {
    const { bridge } = track(bridgeWith({ command: fakeEngine("ok") }));
    const result = await bridge.request("before_prompt_build", PROMPT_EVENT, CTX);
    expect(result).toEqual({ prependContext: "fake answer to before_prompt_build" });
  });

  it("never lets a slow engine hold before_prompt_build past its budget, and warns once", async () => {
    const { bridge, log } = track(
      bridgeWith({ command: fakeEngine("slow", "1500"), hookBudgetMs: 300 }),
    );
    bridge.start();
    await bridge.whenReady(10_000);
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      expect(await bridge.request("before_prompt_build", PROMPT_EVENT, CTX)).toBeUndefined();
      times.push(performance.now() - t0);
    }
    for (const ms of times) expect(ms).toBeLessThan(300 + 250);
    expect(bridge.stats.failures).toBe(2);
    expect(log.count("warn", /went on without lshml: the engine did not answer within 300 ms/))
      .toBe(1);
    // The late answer's log lines still reach OpenClaw's log.
    await until(() => log.count("info", /fake: before_prompt_build answered/) === 2, 5_000);
  });

  it("returns from fire-and-forget hooks at once, however slow the engine", async () => {
    const { bridge } = track(bridgeWith({ command: fakeEngine("slow", "2000") }));
    bridge.start();
    await bridge.whenReady(10_000);
    const t0 = performance.now();
    bridge.notify("agent_end", { messages: [], success: true }, CTX);
    bridge.notify("after_tool_call", { toolName: "read", error: "File not found" }, CTX);
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it("queues hooks fired while the engine starts and delivers them once it is ready", async () => {
    const { bridge, log } = track(bridgeWith({ command: fakeEngine("ok") }));
    bridge.notify("llm_output", { assistantTexts: ["hi"] }, CTX);
    bridge.notify("agent_end", { messages: [] }, CTX);
    await until(() => log.count("info", /fake: agent_end answered/) === 1);
    expect(log.count("info", /fake: llm_output answered/)).toBe(1);
  });

  it("restarts a crashed engine with backoff; the next call is answered", async () => {
    const marker = join(mkdtempSync(join(tmpdir(), "lshml-crash-")), "crashed");
    const { bridge, log } = track(bridgeWith({ command: fakeEngine("crash-once", marker) }));
    expect(await bridge.request("before_prompt_build", PROMPT_EVENT, CTX)).toBeUndefined();
    expect(log.count("warn", /the engine exited \(exit code 3\); restarting in 250 ms/)).toBe(1);
    await until(() => bridge.state === "ready", 10_000, "the restarted engine");
    const result = await bridge.request("before_prompt_build", PROMPT_EVENT, CTX);
    expect(result?.prependContext).toBe("fake answer to before_prompt_build");
    expect(bridge.stats).toMatchObject({ starts: 2, restarts: 1, failures: 1 });
    expect(log.count("info", /the engine answers again/)).toBe(1);
  });

  it("gives up after maxRestarts crashes in a row, and then skips hooks at no cost", async () => {
    const { bridge, log } = track(
      bridgeWith({ command: fakeEngine("crash-on-hook"), maxRestarts: 2 }),
    );
    bridge.start();
    await until(
      () => {
        if (bridge.state === "ready") void bridge.request("before_prompt_build", PROMPT_EVENT, CTX);
        return bridge.state === "disabled";
      },
      20_000,
      "the bridge to give up",
    );
    expect(bridge.stats.starts).toBe(3);
    expect(log.count("error", /disabled for this process: the engine exited 3 times in a row/))
      .toBe(1);
    const t0 = performance.now();
    expect(await bridge.request("before_prompt_build", PROMPT_EVENT, CTX)).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(5);
  });

  it("does not restart an engine that refuses its configuration", async () => {
    const { bridge, log } = track(bridgeWith({ command: fakeEngine("refuse", "CONFIG_INVALID") }));
    bridge.start();
    await until(() => bridge.state === "disabled");
    expect(log.text()).toContain(
      "the engine refused to start: CONFIG_INVALID: fake CONFIG_INVALID",
    );
    expect(bridge.stats.starts).toBe(1);
  });

  it("cannot add Deno flags to a configured command: SANDBOX_MISSING disables it", async () => {
    const { bridge, log } = track(bridgeWith({ command: fakeEngine("refuse", "SANDBOX_MISSING") }));
    bridge.start();
    await until(() => bridge.state === "disabled");
    expect(log.text()).toContain("refused to start: SANDBOX_MISSING");
    expect(bridge.stats.starts).toBe(1);
  });

  it("names engine.command when the configured program does not exist", async () => {
    const { bridge, log } = track(bridgeWith({ command: ["/nonexistent/lshml", "agent"] }));
    expect(await bridge.request("before_prompt_build", PROMPT_EVENT, CTX)).toBeUndefined();
    expect(bridge.state).toBe("disabled");
    expect(log.text()).toMatch(/cannot start \/nonexistent\/lshml .*check engine\.command/);
  });

  it("says how to fix a missing deno instead of failing the agent", async () => {
    const { bridge, log } = track(
      bridgeWith({}, { rootDir: join(ROOT, "plugin"), env: { PATH: "/nonexistent" } }),
    );
    expect(await bridge.request("before_prompt_build", PROMPT_EVENT, CTX)).toBeUndefined();
    expect(log.text()).toContain("deno is not on PATH");
    expect(log.text()).toContain("engine.denoPath");
  });

  it("logs an engine's stray stdout and stderr lines as warnings, never as answers", async () => {
    const { bridge, log } = track(bridgeWith({ command: fakeEngine("chatty") }));
    const result = await bridge.request("before_prompt_build", PROMPT_EVENT, CTX);
    expect(result?.prependContext).toBe("fake answer to before_prompt_build");
    await until(() => log.count("warn", /lshml engine: a line on stderr/) === 1);
    expect(log.count("warn", /non-JSON line to stdout: a stray line on stdout/)).toBe(1);
  });
});
