import { describe, expect, it } from "vitest";
import { createHarness, runTurn } from "./_harness.ts";

const BUILD = "fix the failing build in the ci.yml workflow";
const okTools = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: "exec",
    args: { command: `npm test --shard ${i}` },
    ok: true,
    output: "all tests passed",
  }));

function scored(logs: readonly string[]) {
  return logs.filter((l) => l.startsWith("lshml: feedback scored")).map((l) => ({
    end: /end=(\w+)/.exec(l)?.[1],
    reward: Number(/reward=(-?[\d.]+)/.exec(l)?.[1]),
    confidence: Number(/confidence=([\d.]+)/.exec(l)?.[1]),
  }));
}

describe("agent host (FAKE memory, real embedder and heuristic reward): closing scores, never discards", () => {
  it("feedback closes the task with the user's words and learns", async () => {
    const h = createHarness();
    await runTurn(h, BUILD, { tools: okTools(1) });
    await h.host.beforePromptBuild({ prompt: "great, that works now!" }, {
      sessionKey: "agent:main:main",
      trigger: "user",
    });
    await h.host.idle();
    expect(scored(h.logs)).toEqual([{
      end: "feedback",
      reward: 1,
      confidence: expect.any(Number),
    }]);
    expect(h.logged("[lshml] learning start")).toHaveLength(1);
    expect(h.memory.entries).toHaveLength(1);
    expect(h.memory.entries[0]?.experience).toMatch(/^Worked for "fix the failing build/);
    expect(h.logged("[lshml] learning persisted to episodic store")).toHaveLength(1);
  });

  it("a new intent closes the task and scores it from tools, run and silence", async () => {
    const h = createHarness();
    await runTurn(h, BUILD, { tools: okTools(3) });
    await runTurn(h, "write a haiku about autumn rain");
    await h.host.idle();
    const [s] = scored(h.logs);
    expect(s).toMatchObject({ end: "new_intent", reward: 1 });
    expect(s!.confidence).toBeGreaterThanOrEqual(0.55);
    expect(h.logged("reasons=")[0]).toContain("silence: the user moved on");
    expect(h.memory.entries.map((e) => e.intent)).toEqual([BUILD]);
    expect(h.logged("[lshml] pending created")).toHaveLength(2);
  });

  it("the TTL closes a task and scores it (here too weakly to learn: the gate says so)", async () => {
    const h = createHarness();
    await runTurn(h, BUILD, { tools: okTools(1) });
    h.clock.advance(h.config.runtime.pendingTtlMs + 1);
    await runTurn(h, BUILD);
    await h.host.idle();
    expect(scored(h.logs)[0]?.end).toBe("ttl");
    expect(h.logged("[lshml] learning skipped")[0]).toContain("gate=min_confidence");
    expect(h.logged("task closed")[0]).toContain("reason=ttl");
  });

  it("idle turns close a task after runtime.idleTurnsToClose turns without feedback", async () => {
    const h = createHarness();
    await runTurn(h, BUILD, { tools: okTools(1) });
    await runTurn(h, `${BUILD} for node 20 as well`);
    expect(h.logged("task closed")).toHaveLength(0);
    await runTurn(h, `${BUILD} for node 22 as well`);
    await h.host.idle();
    expect(h.logged("task closed")[0]).toContain("reason=idle");
    expect(scored(h.logs)[0]?.end).toBe("idle");
  });

  it("runtime.maxTurnsPerTask closes a task", async () => {
    const h = createHarness({ config: { runtime: { maxTurnsPerTask: 2, idleTurnsToClose: 9 } } });
    await runTurn(h, BUILD, { tools: okTools(1) });
    await runTurn(h, `${BUILD} for node 20 as well`);
    await runTurn(h, `${BUILD} for node 22 as well`);
    await h.host.idle();
    expect(h.logged("task closed")[0]).toContain("reason=max_turns");
    expect(scored(h.logs)[0]).toMatchObject({ end: "max_turns" });
  });

  it("negative feedback scores the attempt, keeps the task, and the next verdict scores only the retry", async () => {
    const h = createHarness();
    await runTurn(h, BUILD, { tools: okTools(1) });
    await runTurn(h, "thanks, but it still fails", { tools: okTools(2) });
    await h.host.beforePromptBuild({ prompt: "perfect, it works now!" }, {
      sessionKey: "agent:main:main",
    });
    await h.host.idle();
    const [first, second] = scored(h.logs);
    expect(first).toMatchObject({ end: "feedback" });
    expect(first!.reward).toBeLessThan(0);
    expect(second).toMatchObject({ end: "feedback" });
    expect(second!.reward).toBeGreaterThan(0);
    expect(h.logged("task scored (task goes on)")).toHaveLength(1);
    expect(h.logged("[lshml] pending created")).toHaveLength(1);
    expect(h.logs.find((l) => l.startsWith("lshml: feedback scored") && l.includes("reward=1")))
      .toContain("tools: 2 ok, 0 failed");
    // Both outcomes were written (the fake merges the second into the first: same intent).
    const added = h.memory.callsOf("add").map(([m]) => (m as { experience: string }).experience);
    expect(added).toHaveLength(2);
    expect(added[0]).toMatch(/^Avoid: this approach failed for "fix the failing build/);
    expect(added[1]).toMatch(/^Worked for "fix the failing build/);
  });

  it("a model error counts as a failed run although OpenClaw reports success", async () => {
    const h = createHarness({ config: { runtime: { learnMode: "all" } } });
    await runTurn(h, BUILD, { modelError: "500 The server had an error" });
    expect(h.logged("[lshml] agent_end captured")[0]).toContain("runOk=false");
    await runTurn(h, "write a haiku about autumn rain");
    await h.host.idle();
    expect(h.logged("reasons=")[0]).toContain("run: failed");
    expect(scored(h.logs)[0]!.reward).toBeLessThan(0);
  });
});
