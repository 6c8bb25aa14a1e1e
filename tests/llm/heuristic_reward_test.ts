import { describe, expect, it } from "vitest";
import { type RewardInput, scoreHeuristically, USER_WEIGHT } from "../../src/llm/mod.ts";
import { detectFeedback } from "../../src/signals/text/mod.ts";

function input(over: Partial<RewardInput> & { say?: string } = {}): RewardInput {
  const { say, ...rest } = over;
  return {
    intent: "fix the build",
    turns: [{ prompt: "fix the build", response: "Done." }],
    tools: { ok: 0, failed: 0, errors: [] },
    run: { failed: false },
    end: say === undefined ? "new_intent" : "feedback",
    ...(say === undefined ? {} : { feedback: { text: say, verdict: detectFeedback(say) } }),
    ...rest,
  };
}

describe("scoreHeuristically(): reward without a model", () => {
  it("explicit praise in any of the four languages scores high with high confidence", () => {
    for (
      const say of [
        "great, that works!",
        "太好了，终于可以了",
        "謝謝，問題解決了",
        "ありがとう、動きました",
      ]
    ) {
      const r = scoreHeuristically(input({ say }));
      expect(r.reward, say).toBeGreaterThan(0.9);
      expect(r.confidence, say).toBeGreaterThan(0.9);
    }
  });

  it("'thanks, but it still fails' outweighs two successful tool calls", () => {
    const r = scoreHeuristically(input({
      say: "thanks, but it still fails",
      tools: { ok: 2, failed: 0, errors: [] },
    }));
    // (−3·0.81 + 0.4 + 0.1) / (3·0.81 + 0.4 + 0.1)
    expect(r.reward).toBeCloseTo((-USER_WEIGHT * 0.81 + 0.5) / (USER_WEIGHT * 0.81 + 0.5), 3);
    expect(r.reasons[0]).toMatch(/^user: negative \(0\.81\)/);
  });

  it("tool failures and a failed run pull the reward down without any words", () => {
    const r = scoreHeuristically(input({
      tools: { ok: 1, failed: 3, errors: ["read: File not found"] },
      run: { failed: true, error: "500" },
      end: "ttl",
    }));
    expect(r.reward).toBeLessThan(-0.6);
    expect(r.reasons).toEqual(["tools: 1 ok, 3 failed", "run: failed"]);
  });

  it("silence after a new request is weak positive evidence; alone it cannot pass the 0.55 gate", () => {
    const r = scoreHeuristically(input());
    expect(r.reward).toBe(1);
    expect(r.confidence).toBeCloseTo(1 - 0.9 * 0.75, 3);
    expect(r.reasons).toContain("silence: the user moved on without complaint");
  });

  it("a bare 'ok' is weak: confidence stays low", () => {
    const r = scoreHeuristically(input({ say: "ok" }));
    expect(r.reward).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThan(0.55);
  });

  it("evidence that cancels out halves the confidence", () => {
    const agree = scoreHeuristically(
      input({ tools: { ok: 3, failed: 0, errors: [] }, end: "ttl" }),
    );
    const mixed = scoreHeuristically(
      input({ tools: { ok: 3, failed: 3, errors: [] }, end: "ttl" }),
    );
    expect(Math.abs(mixed.reward)).toBeLessThan(0.2);
    expect(mixed.confidence).toBeLessThan(agree.confidence);
  });

  it("always stays within [−1, 1] and [0, 1]", () => {
    for (const say of ["no, that's wrong", "perfect", "hmm", "why is it still broken?"]) {
      for (const failed of [0, 5]) {
        const r = scoreHeuristically(input({ say, tools: { ok: 5 - failed, failed, errors: [] } }));
        expect(Math.abs(r.reward)).toBeLessThanOrEqual(1);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      }
    }
  });
});
