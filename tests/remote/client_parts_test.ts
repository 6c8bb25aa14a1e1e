import { describe, expect, it } from "vitest";
import {
  cleanUntrustedText,
  FeedbackQueue,
  prepareTriplet,
  TokenBuckets,
} from "../../src/remote/mod.ts";
import { axisVector } from "./_hub.ts";

const base = { embedding: axisVector(16, 0), space: "local:hash-ngram:v1:16", q: 0.5 };

describe("prepareTriplet()", () => {
  it("passes sanitised text with placeholders, compacting the vector", () => {
    const out = prepareTriplet({
      ...base,
      intent: "clone fails",
      experience: "set the remote to https://[REDACTED_URL_CREDENTIALS]@git.example.com/x.git",
      embedding: [0.1234567891, ...axisVector(15, 1)],
    });
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.triplet.embedding[0]).toBe(0.1234568);
  });

  it("refuses what still holds a secret or personal datum, naming the field only", () => {
    const key = ["sk", "-", "TESTONLY", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0"].join("");
    for (
      const [field, text] of [
        ["experience", `call the API with ${key}`],
        ["intent", "phone me at +44 20 7946 0958"],
        ["experience", "open /home/alice/notes.txt"],
      ] as const
    ) {
      const out = prepareTriplet({ ...base, experience: "ok", [field]: text });
      expect(out).toEqual({ ok: false, reason: `the ${field} contains a secret or personal data` });
    }
  });

  it("refuses malformed triplets", () => {
    expect(prepareTriplet({ ...base, experience: " " }).ok).toBe(false);
    expect(prepareTriplet({ ...base, experience: "x", space: "a space" }).ok).toBe(false);
    expect(prepareTriplet({ ...base, experience: "x", embedding: [1, 2] }).ok).toBe(false);
    expect(prepareTriplet({ ...base, experience: "x", q: 3 }).ok).toBe(false);
    const nan = [Number.NaN, ...axisVector(15, 0)];
    expect(prepareTriplet({ ...base, experience: "x", embedding: nan }).ok).toBe(false);
  });

  it("cuts an over-long experience at a word and checks the cut text", () => {
    const out = prepareTriplet({ ...base, experience: "word ".repeat(2000) });
    expect(out.ok && out.triplet.experience.length).toBeLessThanOrEqual(4000);
    expect(out.ok && out.triplet.experience.endsWith("…")).toBe(true);
  });
});

describe("cleanUntrustedText()", () => {
  it("keeps markup as text and flags it; removes bidi and zero-width characters", () => {
    expect(cleanUntrustedText("<b onclick=x>hi</b>\u202e\u200b", 100)).toEqual({
      text: "<b onclick=x>hi</b>",
      flags: ["control_chars", "markup"],
    });
    expect(cleanUntrustedText("plain advice", 100)).toEqual({ text: "plain advice", flags: [] });
  });

  it("cuts to the cap", () => {
    expect(cleanUntrustedText("x".repeat(50), 10)).toEqual({
      text: `${"x".repeat(9)}…`,
      flags: ["truncated"],
    });
  });
});

describe("TokenBuckets", () => {
  it("allows a burst, then refills at the rate", () => {
    const buckets = new TokenBuckets({ perSecond: 2, burst: 4 });
    expect(buckets.take("k", 4, 0).ok).toBe(true);
    expect(buckets.take("k", 1, 0)).toEqual({ ok: false, retryAfterS: 1 });
    expect(buckets.take("k", 1, 500).ok).toBe(true);
    expect(buckets.take("other", 4, 500).ok).toBe(true);
  });

  it("lets a request dearer than the burst through alone once the bucket is full", () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 3 });
    expect(buckets.take("k", 32, 0).ok).toBe(true);
    expect(buckets.take("k", 32, 1000).ok).toBe(false);
    expect(buckets.take("k", 32, 3000).ok).toBe(true);
  });
});

describe("FeedbackQueue", () => {
  it("sends in order off the caller's path and drops the oldest when full", async () => {
    const sent: number[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const queue = new FeedbackQueue(2, async (item) => {
      await gate;
      sent.push(item.reward);
    });
    for (const reward of [0.1, 0.2, 0.3, 0.4]) queue.push({ ids: ["m_x"], reward });
    expect(queue.counts()).toMatchObject({ pending: 2, dropped: 1 });
    release();
    await queue.flush();
    expect(sent).toEqual([0.1, 0.3, 0.4]);
    expect(queue.counts()).toEqual({ pending: 0, sent: 3, failed: 0, dropped: 1 });
  });

  it("flush() gives up after its timeout", async () => {
    const queue = new FeedbackQueue(4, () => new Promise(() => undefined));
    queue.push({ ids: ["m_x"], reward: 1 });
    const started = performance.now();
    await queue.flush(50);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
