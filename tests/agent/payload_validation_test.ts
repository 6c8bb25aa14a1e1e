import { describe, expect, it } from "vitest";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { createRng } from "../../src/learn/mod.ts";
import { createExtractiveSummarizer, createHeuristicReward } from "../../src/llm/mod.ts";
import { createHarness, fakeKnowledge, type Harness, runTurn, userCtx } from "./_harness.ts";

function hostParts(h: Harness) {
  return {
    config: h.config,
    memory: h.memory,
    embedder: createLocalEmbedder({ dimensions: 512 }),
    knowledge: fakeKnowledge(),
    reward: createHeuristicReward(),
    summarizer: createExtractiveSummarizer(),
    now: h.clock.now,
    rng: createRng(1),
  };
}

const GARBAGE: unknown[] = [
  undefined,
  null,
  42,
  "prompt",
  [],
  { prompt: 42 },
  { prompt: "x", messages: "not a list" },
  { messages: [{ role: 7 }], success: "yes" },
  { toolName: "", params: 1 },
  { assistantTexts: [1, 2] },
  Object.create(null),
  {
    prompt: "ok",
    messages: [null, 1, "…[2 earlier items]", { role: "assistant", content: [null] }],
  },
];
const BAD_CTX: unknown[] = [undefined, null, "ctx", { sessionKey: 5 }, { trigger: {} }, []];

describe("payload validation: garbage in, nothing thrown, nothing injected", () => {
  it("every hook swallows every garbage event and ctx", async () => {
    const h = createHarness();
    for (const event of GARBAGE) {
      for (const ctx of [...BAD_CTX, userCtx()]) {
        await expect(h.host.beforePromptBuild(event, ctx)).resolves.toBeUndefined();
        await expect(h.host.agentEnd(event, ctx)).resolves.toBeUndefined();
        await expect(h.host.llmOutput(event, ctx)).resolves.toBeUndefined();
        await expect(h.host.afterToolCall(event, ctx)).resolves.toBeUndefined();
      }
    }
    await h.host.idle();
    expect(h.logged("rejected: invalid").length).toBeGreaterThan(50);
    expect(h.logs.some((l) => l.includes("failed:"))).toBe(false);
  });

  it("skips malformed history messages and keeps the good ones", async () => {
    const h = createHarness();
    const out = await h.host.beforePromptBuild({
      prompt: "fix the failing build in ci.yml",
      messages: [null, "…[2 earlier items]", { role: "user", content: "hi" }, {
        content: "no role",
      }],
    }, userCtx());
    expect(out).toBeUndefined();
    expect(h.logged("[lshml] hook before_prompt_build")[0]).toContain("messages=1");
    expect(h.logged("[lshml] pending created")).toHaveLength(1);
  });

  it("a throwing log sink never escapes a hook", async () => {
    const h = createHarness();
    const { createAgentHost } = await import("../../src/agent/mod.ts");
    const host = createAgentHost({
      ...hostParts(h),
      log: () => {
        throw new Error("log sink down");
      },
    });
    await expect(host.beforePromptBuild({ prompt: "fix the failing build" }, userCtx()))
      .resolves.toBeUndefined();
    await expect(host.agentEnd(null, null)).resolves.toBeUndefined();
  });

  it("a failing memory never escapes a hook", async () => {
    const h = createHarness();
    h.memory.recall = () => {
      throw new Error("index broken");
    };
    await expect(runTurn(h, "fix the failing build in ci.yml")).resolves.toBeUndefined();
    expect(h.logged("[lshml] recall failed")[0]).toContain("index broken");
  });

  it("llm_output fills in a response and a model error that agent_end did not record", async () => {
    const h = createHarness();
    const ctx = userCtx("agent:main:main", "run-x");
    await h.host.beforePromptBuild({ prompt: "fix the failing build in ci.yml" }, ctx);
    await h.host.llmOutput({
      runId: "run-x",
      assistantTexts: [],
      lastAssistant: {
        role: "assistant",
        content: [],
        stopReason: "error",
        errorMessage: "429 quota",
      },
    }, ctx);
    expect(h.logged("[lshml] llm_output captured")[0]).toContain("stopReason=error");
    await h.host.beforePromptBuild({ prompt: "write a haiku about autumn rain" }, ctx);
    await h.host.idle();
    expect(h.logged("reasons=")[0]).toContain("run: failed");
  });
});
