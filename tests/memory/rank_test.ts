import { describe, expect, it } from "vitest";
import { createRng } from "../../src/learn/mod.ts";
import { rank, type RankOptions, zScores } from "../../src/memory/mod.ts";

const greedy = (overrides: Partial<RankOptions> = {}): RankOptions => ({
  k2: 3,
  lambda: 0.5,
  epsilon: 0,
  tau: 0,
  rng: () => {
    throw new Error("no draw expected");
  },
  ...overrides,
});

const candidates = [
  { id: "a", similarity: 0.9, q: 0.0 },
  { id: "b", similarity: 0.8, q: 0.9 },
  { id: "c", similarity: 0.7, q: -0.5 },
  { id: "d", similarity: 0.6, q: 0.5 },
];

describe("zScores()", () => {
  it("standardises by the population standard deviation", () => {
    const z = zScores([1, 2, 3]);
    expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 10);
    expect(z[1]).toBe(0);
    expect(z[2]).toBeCloseTo(Math.sqrt(1.5), 10);
  });

  it("gives 0 to a single value and to values that are all equal", () => {
    expect(zScores([0.7])).toEqual([0]);
    expect(zScores([0.3, 0.3, 0.3])).toEqual([0, 0, 0]);
    expect(zScores([])).toEqual([]);
  });
});

describe("rank() (MemRL phase B)", () => {
  it("scores (1 − λ)·z(similarity) + λ·z(Q)", () => {
    const { ranked } = rank(candidates, greedy({ lambda: 0.3 }));
    const zs = zScores(candidates.map((c) => c.similarity));
    const zq = zScores(candidates.map((c) => c.q));
    for (const r of ranked) {
      const i = candidates.findIndex((c) => c.id === r.candidate.id);
      expect(r.zSimilarity).toBeCloseTo(zs[i]!, 12);
      expect(r.zQ).toBeCloseTo(zq[i]!, 12);
      expect(r.score).toBeCloseTo(0.7 * zs[i]! + 0.3 * zq[i]!, 12);
    }
    expect(ranked.map((r) => r.score)).toEqual(
      [...ranked.map((r) => r.score)].sort((a, b) => b - a),
    );
  });

  it("λ = 0 ranks by similarity alone, λ = 1 by Q alone", () => {
    expect(rank(candidates, greedy({ lambda: 0 })).selected.map((s) => s.candidate.id))
      .toEqual(["a", "b", "c"]);
    expect(rank(candidates, greedy({ lambda: 1 })).selected.map((s) => s.candidate.id))
      .toEqual(["b", "d", "a"]);
  });

  it("prefers the higher Q at equal similarity", () => {
    const tied = [
      { id: "low", similarity: 0.9, q: 0.1 },
      { id: "high", similarity: 0.9, q: 0.6 },
    ];
    expect(rank(tied, greedy({ k2: 1 })).selected[0]!.candidate.id).toBe("high");
  });

  it("treats a single candidate as z = 0 on both scales and still selects it", () => {
    const result = rank([{ id: "only", similarity: 0.95, q: -0.4 }], greedy({ tau: 0.9 }));
    expect(result.ranked[0]).toMatchObject({ zSimilarity: 0, zQ: 0, score: 0 });
    expect(result.selected.map((s) => s.candidate.id)).toEqual(["only"]);
    expect(result.injected).toBe(true);
  });

  it("injects nothing, and draws nothing, when the best similarity is below τ", () => {
    const result = rank(candidates, greedy({ tau: 0.95, epsilon: 1 }));
    expect(result).toMatchObject({ injected: false, reason: "below-tau", bestSimilarity: 0.9 });
    expect(result.selected).toEqual([]);
    expect(result.ranked).toHaveLength(4);
  });

  it("injects when the best similarity equals τ, and reports no candidates as such", () => {
    expect(rank(candidates, greedy({ tau: 0.9 })).injected).toBe(true);
    expect(rank([], greedy())).toMatchObject({ injected: false, reason: "no-candidates" });
  });

  it("ε-greedy: a seed replays the same picks, and ε = 1 explores every slot", () => {
    const options = (seed: number) => greedy({ epsilon: 0.5, rng: createRng(seed) });
    const picks = (seed: number) =>
      rank(candidates, options(seed)).selected.map((s) => [s.candidate.id, s.explored]);
    expect(picks(7)).toEqual(picks(7));
    const seeds = Array.from({ length: 20 }, (_, i) => JSON.stringify(picks(i)));
    expect(new Set(seeds).size).toBeGreaterThan(1);
    const all = rank(candidates, greedy({ epsilon: 1, rng: createRng(3) }));
    expect(all.selected.filter((s) => s.explored)).toHaveLength(3);
    expect(all.explored).toBe(3);
    expect(new Set(all.selected.map((s) => s.candidate.id)).size).toBe(3);
  });

  it("an exploration draw never takes the best-scored remaining candidate", () => {
    const draws = [0.0, 0.0]; // explore, then the first of the others
    const rng = () => draws.shift() ?? 0.99;
    const result = rank(candidates, greedy({ k2: 1, epsilon: 0.5, rng, lambda: 0 }));
    expect(result.selected[0]).toMatchObject({ explored: true });
    expect(result.selected[0]!.candidate.id).toBe("b"); // "a" is the greedy choice
  });

  it("rejects out-of-range options", () => {
    expect(() => rank(candidates, greedy({ lambda: 1.5 }))).toThrow(RangeError);
    expect(() => rank(candidates, greedy({ epsilon: -0.1 }))).toThrow(RangeError);
    expect(() => rank(candidates, greedy({ k2: 1.5 }))).toThrow(RangeError);
  });
});
