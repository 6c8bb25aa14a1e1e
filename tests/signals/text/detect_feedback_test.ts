import { describe, expect, it } from "vitest";
import { detectFeedback, FEEDBACK_SCAN_LIMIT } from "../../../src/signals/text/mod.ts";
import { FEEDBACK, POSITIVE } from "./_corpus.ts";

const verdict = (text: string) => {
  const f = detectFeedback(text);
  return f.isFeedback ? f.polarity : "none";
};

describe("detectFeedback() on the corpus", () => {
  for (const row of FEEDBACK) {
    it(`reads ${row.lang} "${row.text}" as ${row.polarity}`, () => {
      expect(verdict(row.text)).toBe(row.polarity);
    });
  }

  it("reads every user_praise example as positive and every user_correction one as negative", () => {
    const praise = Object.values(POSITIVE.user_praise.examples).flat();
    const correction = Object.values(POSITIVE.user_correction.examples).flat();
    expect(praise.filter((t) => verdict(t) !== "positive")).toEqual([]);
    expect(correction.filter((t) => verdict(t) !== "negative")).toEqual([]);
  });
});

describe("detectFeedback() polarity rules", () => {
  it.each([
    ["thanks, but it still fails"],
    ["谢谢，但是还是报错"],
    ["謝謝，不過還是不行"],
    ["ありがとう、でもまだ動きません"],
    ["ありがとうございますけど、エラーが出ます"],
  ])("lets a but-clause override the thanks: %s", (text) => {
    const f = detectFeedback(text);
    expect(f.polarity).toBe("negative");
    expect(f.cues).toContain("~but");
  });

  it.each([
    ["why is it still broken?"],
    ["why doesn't it work?"],
    ["为什么还是不行？"],
    ["為什麼還是不行？"],
    ["なんでまだ動かないの？"],
  ])("treats a question-shaped complaint as negative feedback: %s", (text) => {
    expect(detectFeedback(text)).toMatchObject({ isFeedback: true, polarity: "negative" });
  });

  it.each([
    ["not bad", "positive"],
    ["no problem at all", "positive"],
    ["没问题", "positive"],
    ["沒問題", "positive"],
    ["問題ありません", "positive"],
    ["not great", "negative"],
    ["不太好", "negative"],
    ["良くない", "negative"],
  ])("reads the negation in %s as a whole (%s)", (text, polarity) => {
    expect(verdict(text)).toBe(polarity);
  });

  it.each([["ok"], ["OK!"], ["好的"], ["はい"]])(
    "takes a bare %s as weak, neutral feedback",
    (text) => {
      expect(detectFeedback(text)).toMatchObject({
        isFeedback: true,
        polarity: "neutral",
        confidence: 0.2,
      });
    },
  );

  it('does not take "ok" at the head of a new request for feedback', () => {
    expect(detectFeedback("ok, now write a parser for nginx logs").isFeedback).toBe(false);
  });

  it("does not take new requests or questions for feedback", () => {
    for (
      const text of [
        "can you add a CSV export?",
        "how do I handle errors in Go?",
        "thanks in advance!",
      ]
    ) {
      expect(detectFeedback(text)).toEqual({
        isFeedback: false,
        polarity: "neutral",
        confidence: 0,
        cues: [],
      });
    }
  });

  it("calls feedback mixed when neither side clearly wins and no but-clause decides", () => {
    expect(detectFeedback("great job on the layout, the button is broken").polarity).toBe("mixed");
  });

  it("is surer of explicit praise than of a bare thanks, and never certain", () => {
    const bare = detectFeedback("thanks").confidence;
    const explicit = detectFeedback("thanks, that worked perfectly!").confidence;
    expect(explicit).toBeGreaterThan(bare);
    expect(explicit).toBeLessThanOrEqual(0.95);
    expect(bare).toBeGreaterThan(0);
  });

  it("halves the confidence of praise asked as a question", () => {
    expect(detectFeedback("perfect?").confidence).toBeLessThan(
      detectFeedback("perfect").confidence,
    );
  });

  it("lists the cues found, in text order, by id", () => {
    expect(detectFeedback("thanks, but it still fails").cues).toEqual([
      "+thanks",
      "~but",
      "-still_broken",
    ]);
  });

  it("reads only the start of a long message, where feedback is", () => {
    const pasted = `${"x".repeat(FEEDBACK_SCAN_LIMIT)} it still fails, thanks for nothing`;
    expect(detectFeedback(`perfect, thanks!\n${pasted}`).polarity).toBe("positive");
  });
});
