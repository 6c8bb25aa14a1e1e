import { describe, expect, it } from "vitest";
import { createLocalEmbedder, dot } from "../../src/embed/mod.ts";
import { createRng } from "../../src/learn/mod.ts";
import { createSketchMatrix } from "../../src/memory/_sketch_matrix.ts";
import { sketchOf, VectorIndex } from "../../src/memory/_vector_index.ts";

describe("the coarse pass", () => {
  it("the SIMD kernel scores rows exactly like a plain dot product", () => {
    const rng = createRng(1);
    const simd = createSketchMatrix(128, "auto");
    const js = createSketchMatrix(128, "js");
    const rows = Array.from(
      { length: 300 },
      () => Float32Array.from({ length: 128 }, () => rng() - 0.5),
    );
    for (const m of [simd, js]) {
      m.reserve(rows.length);
      rows.forEach((row, i) => m.write(i, row));
    }
    const query = Float32Array.from({ length: 128 }, () => rng() - 0.5);
    const a = simd.scan(query, rows.length), b = js.scan(query, rows.length);
    rows.forEach((row, i) => {
      expect(a[i]).toBeCloseTo(dot(query, row), 4);
      expect(b[i]).toBeCloseTo(dot(query, row), 4);
    });
    simd.move(299, 0);
    expect(simd.read(0)).toEqual(rows[299]);
  });

  it("folding the local embedder's 512 dims modulo 128 gives its 128-dim vector (up to scale)", () => {
    const wide = createLocalEmbedder({ dimensions: 512 });
    const narrow = createLocalEmbedder({ dimensions: 128 });
    for (const text of ["npm install fails with EACCES", "构建失败：找不到模块", "a"]) {
      const folded = sketchOf(wide.embedOne(text), 128);
      const direct = narrow.embedOne(text);
      const cos = dot(folded, direct) / Math.sqrt(dot(folded, folded));
      expect(cos).toBeCloseTo(1, 5);
    }
  });
});

describe("VectorIndex", () => {
  it("finds the same best rows as brute force after adds and removals", () => {
    const rng = createRng(2);
    const index = new VectorIndex(64);
    const vectors = new Map<string, Float32Array>();
    const random = () => {
      const v = Float32Array.from({ length: 64 }, () => rng() - 0.5);
      const n = Math.sqrt(dot(v, v));
      return v.map((x) => x / n);
    };
    for (let i = 0; i < 2000; i++) {
      const v = random();
      vectors.set(`v${i}`, v);
      index.add(`v${i}`, v, i);
    }
    for (let i = 0; i < 2000; i += 3) {
      expect(index.remove(`v${i}`)).toBe(true);
      vectors.delete(`v${i}`);
    }
    expect(index.remove("v0")).toBe(false);
    expect(index.size).toBe(vectors.size);
    const query = random();
    const brute = [...vectors].map(([id, v]) => ({ id, s: dot(query, v) }))
      .sort((a, b) => b.s - a.s).slice(0, 10).map((x) => x.id);
    const hits = index.search(query, { k: 10, above: -1, prior: false, exact: true });
    expect(hits.map((h) => h.id)).toEqual(brute);
    expect(index.vectorOf(brute[0]!)).toEqual(vectors.get(brute[0]!));
  });
});
