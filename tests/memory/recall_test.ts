import { describe, expect, it } from "vitest";
import { createLocalEmbedder, dot } from "../../src/embed/mod.ts";
import { createRng } from "../../src/learn/mod.ts";
import { supportPrior } from "../../src/memory/mod.ts";
import { atCosine, freshMemory, tableEmbedder, unit } from "./_helpers.ts";

const SPACE = "test:space:8";

async function memoryWith(similarities: readonly number[]) {
  const { memory } = await freshMemory({
    embedder: tableEmbedder(SPACE, 8),
    config: { maxEntries: 1000, mergeThreshold: 2 }, // no merging: the vectors are chosen
  });
  const ids: string[] = [];
  for (const [i, cos] of similarities.entries()) {
    const result = await memory.add({
      intent: `memory ${i}`,
      experience: `experience ${i}`,
      vector: atCosine(cos, 1 + (i % 7)),
    });
    ids.push(result.id);
  }
  return { memory, ids };
}

describe("EpisodicMemory.recall() (MemRL phase A)", () => {
  const query = unit([1]);

  it("keeps only similarity > δ, best first, at most k1", async () => {
    const { memory, ids } = await memoryWith([0.9, 0.1, 0.5, 0.149, 0.7, 0.3]);
    const found = memory.recall(query, { delta: 0.15, k1: 3, prior: false });
    expect(found.candidates.map((c) => c.id)).toEqual([ids[0], ids[4], ids[2]]);
    for (const [i, c] of found.candidates.entries()) {
      expect(c.similarity).toBeCloseTo([0.9, 0.7, 0.5][i]!, 6);
      expect(c.memory.intent).toBe(`memory ${ids.indexOf(c.id)}`);
    }
    const all = memory.recall(query, { delta: 0.15, k1: 10, prior: false });
    expect(all.candidates.map((c) => c.similarity.toFixed(2))).toEqual([
      "0.90",
      "0.70",
      "0.50",
      "0.30",
    ]);
    expect(all.searched).toBe(6);
  });

  it("uses the config defaults δ = 0.15, k1 = 5", async () => {
    const { memory } = await memoryWith([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.16, 0.149]);
    expect(memory.recall(query, { prior: false }).candidates).toHaveLength(5);
    expect(memory.recall(query, { k1: 10, prior: false }).candidates).toHaveLength(7);
  });

  it("orders by similarity · support prior: a one-word memory yields to a fuller one", async () => {
    const sparse = unit([1]); // cosine 1 with the query, but a single non-zero component
    const full = unit([0.9, 0.2, 0.2, 0.2, 0.2, 0.2, 0.1, 0.1]);
    const { memory } = await freshMemory({
      embedder: tableEmbedder(SPACE, 8),
      config: { mergeThreshold: 2 },
    });
    const a = await memory.add({ intent: "short", experience: "", vector: sparse });
    const b = await memory.add({ intent: "full", experience: "", vector: full });
    const withPrior = memory.recall(query, { delta: 0 });
    expect(withPrior.candidates.map((c) => c.id)).toEqual([b.id, a.id]);
    expect(withPrior.candidates[0]!.score).toBeCloseTo(dot(query, full) * supportPrior(full), 6);
    expect(memory.recall(query, { delta: 0, prior: false }).candidates[0]!.id).toBe(a.id);
  });

  it("searches only the query's space and never compares vectors of two spaces", async () => {
    const { memory } = await memoryWith([0.9, 0.8]);
    const other = memory.recall(unit([1], 16), { space: "other:space:16", delta: -1 });
    expect(other).toMatchObject({
      space: "other:space:16",
      candidates: [],
      searched: 0,
      otherSpaces: 2,
    });
    expect(() => memory.recall(unit([1], 16))).toThrow(RangeError); // 16 floats in an 8-dim space
  });

  it("agrees with an exact scan on a store large enough to preselect by sketch", async () => {
    const embedder = createLocalEmbedder({ dimensions: 512 });
    const { memory } = await freshMemory({
      embedder,
      config: { maxEntries: 10_000, fitStatistics: false },
    });
    const rng = createRng(5);
    const words =
      "build deploy cache docker npm rust python timeout proxy config login queue worker token schema index"
        .split(" ");
    const text = () =>
      Array.from({ length: 6 }, () => words[Math.floor(rng() * words.length)]).join(" ");
    const texts = Array.from({ length: 3000 }, (_, i) => `${text()} ${i}`);
    await memory.addMany(texts.map((t) => ({ intent: t, experience: "" })), { merge: false });
    let agree = 0;
    for (let i = 0; i < 20; i++) {
      const q = embedder.embedOne(text());
      const exact = memory.recall(q, { k1: 5, delta: -1, exact: true }).candidates;
      const fast = memory.recall(q, { k1: 5, delta: -1 }).candidates;
      const kth = exact.at(-1)!.score;
      agree += fast.filter((c) => c.score >= kth - 1e-6).length / 5;
      expect(fast[0]!.score).toBeCloseTo(exact[0]!.score, 5);
    }
    expect(agree / 20).toBeGreaterThanOrEqual(0.95);
  });
});
