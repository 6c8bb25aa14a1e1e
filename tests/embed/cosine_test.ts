import { describe, expect, it } from "vitest";
import { cosine, dot } from "../../src/embed/mod.ts";

describe("cosine()", () => {
  it("is 1 for a vector with itself and for any positive rescaling", () => {
    const a = [0.3, -1.2, 4, 0.5];
    expect(cosine(a, a)).toBeCloseTo(1, 12);
    expect(cosine(a, a.map((x) => x * 7.5))).toBeCloseTo(1, 12);
  });

  it("is symmetric, −1 for opposite vectors and 0 for orthogonal ones", () => {
    const a = [1, 2, 3], b = [-2, 0.5, 4];
    expect(cosine(a, b)).toBeCloseTo(cosine(b, a), 12);
    expect(cosine(a, a.map((x) => -x))).toBeCloseTo(-1, 12);
    expect(cosine([1, 0], [0, 3])).toBe(0);
  });

  it("stays within [−1, 1]", () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
    for (let n = 0; n < 50; n++) {
      const a = Array.from({ length: 16 }, random), b = Array.from({ length: 16 }, random);
      const c = cosine(a, b);
      expect(c).toBeGreaterThanOrEqual(-1 - 1e-12);
      expect(c).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it("is 0 when either vector is all zeros (no direction, similar to nothing)", () => {
    expect(cosine([0, 0, 0], [1, 2, 3])).toBe(0);
    expect(cosine(new Float32Array(4), new Float32Array(4))).toBe(0);
  });

  it("rejects vectors of different lengths with a RangeError naming both", () => {
    expect(() => cosine([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => cosine([1, 2], [1, 2, 3])).toThrow(/2 and 3/);
  });
});

describe("dot()", () => {
  it("equals the cosine for unit vectors, for every length including odd tails", () => {
    for (const n of [1, 3, 4, 7, 512]) {
      const a = Float32Array.from({ length: n }, (_, i) => Math.sin(i + 1));
      const b = Float32Array.from({ length: n }, (_, i) => Math.cos(3 * i));
      const unit = (v: Float32Array) => {
        const norm = Math.hypot(...v);
        return v.map((x) => x / norm);
      };
      expect(dot(unit(a), unit(b))).toBeCloseTo(cosine(a, b), 5);
    }
  });

  it("computes Σ aᵢ·bᵢ and rejects different lengths", () => {
    expect(dot([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])).toBe(35);
    expect(() => dot([1], [1, 2])).toThrow(RangeError);
  });
});
