import { describe, expect, it } from "vitest";
import { learningGate } from "../../src/agent/mod.ts";
import { createHarness, runTurn, testConfig } from "./_harness.ts";

const defaults = testConfig().runtime;
const withTools = { usedTools: true, startTurn: 3 };
const noTools = { usedTools: false, startTurn: 3 };

describe("learningGate(): the seed's gates and learn modes", () => {
  it("refuses |reward| below runtime.minAbsReward (0.15)", () => {
    expect(learningGate({ reward: 0.1, confidence: 0.99 }, withTools, defaults)).toBe(
      "min_abs_reward",
    );
    expect(learningGate({ reward: -0.15, confidence: 0.99 }, withTools, defaults)).toBeUndefined();
  });

  it("refuses confidence below runtime.minRewardConfidence (0.55)", () => {
    expect(learningGate({ reward: 1, confidence: 0.5 }, withTools, defaults)).toBe(
      "min_confidence",
    );
  });

  it("balanced: tool turns learn; no-tool turns need 0.8 reward and 0.9 confidence", () => {
    expect(learningGate({ reward: 0.5, confidence: 0.6 }, withTools, defaults)).toBeUndefined();
    expect(learningGate({ reward: 0.5, confidence: 0.95 }, noTools, defaults)).toBe(
      "no_tool_min_abs_reward",
    );
    expect(learningGate({ reward: 0.9, confidence: 0.8 }, noTools, defaults)).toBe(
      "no_tool_min_confidence",
    );
    expect(learningGate({ reward: -0.9, confidence: 0.95 }, noTools, defaults)).toBeUndefined();
  });

  it("tools_only: turns without tools never learn", () => {
    const s = { ...defaults, learnMode: "tools_only" as const };
    expect(learningGate({ reward: 1, confidence: 1 }, noTools, s)).toBe("tools_only");
    expect(learningGate({ reward: 1, confidence: 1 }, withTools, s)).toBeUndefined();
  });

  it("all: any turn that passes the reward gates learns", () => {
    const s = { ...defaults, learnMode: "all" as const };
    expect(learningGate({ reward: 0.3, confidence: 0.6 }, noTools, s)).toBeUndefined();
  });

  it("runtime.observeTurns: tasks started in the first N turns only observe", () => {
    const s = { ...defaults, observeTurns: 3 };
    expect(learningGate({ reward: 1, confidence: 1 }, withTools, s)).toBe("observe_turns");
    expect(learningGate({ reward: 1, confidence: 1 }, { ...withTools, startTurn: 4 }, s))
      .toBeUndefined();
  });
});

describe("learn modes through the host (FAKE memory)", () => {
  const TASK = "explain the difference between a mutex and a semaphore";
  async function chat(learnMode: "balanced" | "tools_only" | "all", praise: string) {
    const h = createHarness({ config: { runtime: { learnMode } } });
    await runTurn(h, TASK); // no tools
    await h.host.beforePromptBuild({ prompt: praise }, { sessionKey: "agent:main:main" });
    await h.host.idle();
    return h;
  }

  it("balanced skips mild praise of a no-tool answer and learns from emphatic praise", async () => {
    expect((await chat("balanced", "perfect")).logged("learning skipped")[0]).toContain(
      "gate=no_tool_min_confidence",
    );
    expect((await chat("balanced", "great, that works!")).memory.entries).toHaveLength(1);
  });

  it("tools_only never learns from a no-tool answer; all learns from mild praise", async () => {
    expect((await chat("tools_only", "great, that works!")).logged("learning skipped")[0])
      .toContain("gate=tools_only");
    expect((await chat("all", "perfect")).memory.entries).toHaveLength(1);
  });

  it("observeTurns=2: the first tasks of a session only observe", async () => {
    const h = createHarness({ config: { runtime: { observeTurns: 2 } } });
    await runTurn(h, TASK, { tools: [{ name: "exec", args: {}, ok: true, output: "ok" }] });
    await h.host.beforePromptBuild({ prompt: "great, that works!" }, {
      sessionKey: "agent:main:main",
    });
    await h.host.idle();
    expect(h.logged("learning skipped")[0]).toContain("gate=observe_turns");
    expect(h.memory.entries).toHaveLength(0);
  });
});
