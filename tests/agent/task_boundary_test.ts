import { describe, expect, it } from "vitest";
import { decideBoundary, type PendingTask } from "../../src/agent/mod.ts";
import { detectFeedback } from "../../src/signals/text/mod.ts";
import { testConfig } from "./_harness.ts";

const settings = testConfig().runtime;
const T0 = 1_000_000;

function task(overrides: Partial<PendingTask> = {}): PendingTask {
  return {
    id: "t1",
    state: "waiting_feedback",
    intent: "fix the failing build in ci.yml",
    createdAt: T0,
    updatedAt: T0,
    startTurn: 1,
    idleTurns: 0,
    scoredThrough: 0,
    turns: [{
      at: T0,
      prompt: "fix the failing build in ci.yml",
      response: "Pinned node 20.",
      runOk: true,
      tools: [],
      selectedIds: [],
    }],
    ...overrides,
  };
}

function decide(prompt: string, t: PendingTask | undefined, similarity?: number, now = T0 + 1000) {
  return decideBoundary({
    task: t,
    prompt,
    feedback: detectFeedback(prompt),
    similarity,
    now,
    settings,
  });
}

describe("decideBoundary(): the task state machine", () => {
  it("opens a task for a request when none is pending", () => {
    expect(decide("fix the failing build", undefined)).toEqual({
      action: "open",
      intent: "fix the failing build",
    });
  });

  it("opens nothing for a prompt shorter than runtime.minPromptChars, or for stray feedback", () => {
    expect(decide("hi", undefined).action).toBe("none");
    expect(decide("thanks, that works great!", undefined).action).toBe("none");
  });

  it("closes on TTL (pendingTtlMs after the last activity) and opens the new request", () => {
    const d = decide("write a haiku about rain", task(), 0.9, T0 + settings.pendingTtlMs + 1);
    expect(d).toMatchObject({ action: "open", close: { reason: "ttl", withFeedback: false } });
  });

  it("closes on positive feedback with the user's words and starts nothing more", () => {
    expect(decide("great, that works now!", task(), 0.1)).toEqual({
      action: "none",
      close: { reason: "feedback", withFeedback: true },
    });
  });

  it("opens the request that follows praise: 'great, it works! Now add a CSV export …'", () => {
    const d = decide("Great, it works! Now add a CSV export to the weekly report.", task(), 0.1);
    expect(d).toEqual({
      action: "open",
      intent: "Now add a CSV export to the weekly report.",
      close: { reason: "feedback", withFeedback: true },
    });
  });

  it("scores negative feedback and keeps the task going: 'thanks, but it still fails'", () => {
    expect(decide("thanks, but it still fails", task(), 0.05)).toEqual({
      action: "retry",
      close: { reason: "feedback", withFeedback: true },
    });
  });

  it("treats a question-shaped complaint as feedback, not a new request", () => {
    // Low similarity to the intent would be a new intent, but the complaint is feedback.
    expect(decide("why is it still broken?", task(), 0.02).action).toBe("retry");
  });

  it("ends a task out of turns on negative feedback instead of retrying", () => {
    const full = task({ turns: Array.from({ length: 5 }, () => task().turns[0]!) });
    expect(decide("no, that's wrong", full, 0.9)).toEqual({
      action: "none",
      close: { reason: "feedback", withFeedback: true },
    });
  });

  it("closes at runtime.maxTurnsPerTask turns", () => {
    const full = task({ turns: Array.from({ length: 5 }, () => task().turns[0]!) });
    expect(decide("and also the lint step in ci.yml", full, 0.9)).toMatchObject({
      action: "open",
      close: { reason: "max_turns" },
    });
  });

  it("closes on a new intent (similarity below newIntentSimilarityThreshold)", () => {
    expect(decide("write a haiku about rain", task(), 0.1)).toMatchObject({
      action: "open",
      intent: "write a haiku about rain",
      close: { reason: "new_intent", withFeedback: false },
    });
  });

  it("closes after runtime.idleTurnsToClose turns without feedback", () => {
    expect(decide("also check the lint job in ci.yml", task(), 0.8)).toEqual({
      action: "continue",
      idle: true,
    });
    expect(decide("also check the lint job in ci.yml", task({ idleTurns: 1 }), 0.8))
      .toMatchObject({ action: "open", close: { reason: "idle" } });
  });

  it("continues an open task without idling when no response came back yet", () => {
    const open = task({
      state: "open",
      turns: [{ ...task().turns[0]!, response: undefined, runOk: undefined }],
    });
    expect(decide("also check the lint job in ci.yml", open, 0.8)).toEqual({
      action: "continue",
      idle: false,
    });
  });

  it("reads a bare 'ok' as an idle turn: it neither scores nor opens", () => {
    expect(decide("ok", task(), 0.0)).toEqual({ action: "continue", idle: true });
  });
});
