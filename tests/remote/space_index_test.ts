import { describe, expect, it } from "vitest";
import { dot } from "../../src/embed/mod.ts";
import { SpaceIndex } from "../../src/remote/mod.ts";
import { randomVectors } from "./_hub.ts";

/** A unit vector at cosine `c` from unit `v`, along unit `w` (orthogonalised). */
function tilted(v: Float32Array, w: Float32Array, c: number): Float32Array {
  const along = dot(v, w);
  const ortho = w.map((x, i) => x - along * v[i]!);
  const norm = Math.sqrt(dot(ortho, ortho));
  return v.map((x, i) => c * x + Math.sqrt(1 - c * c) * (ortho[i]! / norm));
}

function exactTop(vectors: Float32Array[], query: Float32Array, k: number): number[] {
  return vectors.map((v, i) => ({ i, s: dot(v, query) })).sort((a, b) => b.s - a.s)
    .slice(0, k).map((x) => x.i);
}

describe("SpaceIndex", () => {
  it("scans small spaces exactly: same order and similarities as brute force", () => {
    const vectors = randomVectors(500, 32, 7);
    const index = new SpaceIndex(32);
    vectors.forEach((v, i) => index.add(`m${i}`, v));
    const [query] = randomVectors(1, 32, 99);
    const hits = index.search(query!, 10, -1);
    expect(hits.map((h) => h.id)).toEqual(exactTop(vectors, query!, 10).map((i) => `m${i}`));
    expect(hits[0]!.similarity).toBeCloseTo(dot(query!, vectors[Number(hits[0]!.id.slice(1))]!), 6);
  });

  it("finds planted neighbours among 20,000 vectors through the sketch filter", () => {
    const dims = 256;
    const crowd = randomVectors(20_000, dims, 3);
    const queries = randomVectors(20, dims, 4);
    const directions = randomVectors(200, dims, 5);
    const index = new SpaceIndex(dims);
    crowd.forEach((v, i) => index.add(`c${i}`, v));
    queries.forEach((q, n) => {
      for (let j = 0; j < 10; j++) {
        index.add(`q${n}-${j}`, tilted(q, directions[n * 10 + j]!, 0.45 + 0.05 * j));
      }
    });
    expect(index.size).toBe(20_200);
    let found = 0;
    queries.forEach((q, n) => {
      const ids = new Set(index.search(q, 10, 0.2).map((h) => h.id));
      for (let j = 0; j < 10; j++) if (ids.has(`q${n}-${j}`)) found++;
    });
    expect(found).toBe(200);
  });

  it("agrees with the exact scan on random queries over random data (recall@10 ≥ 0.9)", () => {
    const dims = 128;
    const vectors = randomVectors(10_000, dims, 11);
    const index = new SpaceIndex(dims);
    vectors.forEach((v, i) => index.add(`m${i}`, v));
    let agree = 0;
    for (const query of randomVectors(20, dims, 12)) {
      const got = new Set(index.search(query, 10, -1).map((h) => h.id));
      for (const i of exactTop(vectors, query, 10)) if (got.has(`m${i}`)) agree++;
    }
    expect(agree / 200).toBeGreaterThanOrEqual(0.9);
  });

  it("nearest() finds a near-duplicate above the threshold and nothing below it", () => {
    const dims = 128;
    const vectors = randomVectors(10_000, dims, 21);
    const index = new SpaceIndex(dims);
    vectors.forEach((v, i) => index.add(`m${i}`, v));
    const [direction] = randomVectors(1, dims, 22);
    const twin = tilted(vectors[1234]!, direction!, 0.97);
    expect(index.nearest(twin, 0.95)).toMatchObject({ id: "m1234" });
    expect(index.nearest(tilted(vectors[1234]!, direction!, 0.9), 0.95)).toBeUndefined();
  });

  it("ignores a known id and refuses a vector of another length", () => {
    const index = new SpaceIndex(16);
    const [v] = randomVectors(1, 16);
    index.add("a", v!);
    index.add("a", v!);
    expect(index.size).toBe(1);
    expect(() => index.add("b", new Float32Array(8))).toThrow(RangeError);
  });
});
