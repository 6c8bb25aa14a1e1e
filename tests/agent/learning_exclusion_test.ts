import { describe, expect, it } from "vitest";
import { learningExclusion } from "../../src/agent/mod.ts";
import { createHarness, runTurn, userCtx } from "./_harness.ts";

describe("learningExclusion(): automated and sub-agent turns are not learned from", () => {
  const cases: [string, Record<string, unknown>, string | undefined, string | undefined][] = [
    ["a person's turn", { trigger: "user", sessionKey: "agent:main:main" }, "fix it", undefined],
    ["a manual run", { trigger: "manual", sessionKey: "agent:main:main" }, "fix it", undefined],
    ["trigger cron", { trigger: "cron", sessionKey: "agent:main:main" }, "x", "trigger_cron"],
    ["trigger heartbeat", { trigger: "heartbeat" }, "x", "trigger_heartbeat"],
    ["memory flush runs", { trigger: "memory" }, "x", "trigger_internal"],
    ["a cron job id", { jobId: "nightly", sessionKey: "agent:main:main" }, "x", "cron_job"],
    ["a cron run session", { sessionKey: "agent:main:cron:nightly:run:42" }, "x", "cron_session"],
    ["a sub-agent session", { sessionKey: "agent:main:subagent:7f3a" }, "x", "subagent_session"],
    ["a nested sub-agent", { sessionKey: "agent:main:main:subagent:1" }, "x", "subagent_session"],
    ["a bare subagent key", { sessionKey: "subagent:abc" }, "x", "subagent_session"],
    ["a heartbeat session", { sessionKey: "agent:main:main:heartbeat" }, "x", "heartbeat_session"],
    [
      "input from another session",
      { inputProvenance: { kind: "inter_session" } },
      "x",
      "internal_input",
    ],
    [
      "input from a sub-agent",
      { inputProvenance: { kind: "external_user", sourceRole: "subagent" } },
      "x",
      "internal_input",
    ],
    ["a heartbeat poll prompt", { trigger: "user" }, "[OpenClaw heartbeat poll]", "wake_prompt"],
    ["a cron wake prompt", {}, "[OpenClaw cron wake] nightly report", "wake_prompt"],
  ];
  for (const [what, ctx, prompt, expected] of cases) {
    it(`${what} → ${expected ?? "learn"}`, () =>
      expect(learningExclusion(ctx, prompt)).toBe(expected));
  }
});

describe("excluded turns through the host (FAKE memory)", () => {
  const tool = { name: "exec", args: { command: "npm test" }, ok: true, output: "ok" };
  for (
    const [what, ctx] of [
      ["cron", { ...userCtx(), trigger: "cron" }],
      ["heartbeat", { ...userCtx(), trigger: "heartbeat" }],
      ["subagent", userCtx("agent:main:subagent:42")],
    ] as const
  ) {
    it(`${what}: no task, no recall, no learning`, async () => {
      const h = createHarness();
      await h.host.beforePromptBuild(
        { prompt: "fix the failing build in ci.yml", messages: [] },
        ctx,
      );
      await h.host.afterToolCall({ toolName: "exec", params: {}, result: {} }, ctx);
      await h.host.agentEnd({ messages: [], success: true }, ctx);
      await h.host.beforePromptBuild({ prompt: "great, that works now!", messages: [] }, ctx);
      await h.host.idle();
      expect(h.logged("learn=no(")).toHaveLength(2);
      expect(h.memory.callsOf("recall")).toHaveLength(0);
      expect(h.logged("pending created")).toHaveLength(0);
      expect(h.logged("feedback scored")).toHaveLength(0);
      expect(h.memory.entries).toHaveLength(0);
    });
  }

  it("a person's session next to a sub-agent's still learns", async () => {
    const h = createHarness();
    await runTurn(h, "fix the failing build in ci.yml", { tools: [tool] });
    await h.host.beforePromptBuild(
      { prompt: "hello from the sub-agent" },
      userCtx("agent:main:subagent:1"),
    );
    await h.host.beforePromptBuild({ prompt: "great, that works now!" }, userCtx());
    await h.host.idle();
    expect(h.memory.entries).toHaveLength(1);
  });
});
