import { describe, expect, it } from "vitest";
import { clampReward, qUpdate } from "../../src/memory/mod.ts";

describe("qUpdate() (MemRL: Q ← Q + α(r − Q))", () => {
  it("moves Q by α of the gap to the reward", () => {
    expect(qUpdate(0, 1, 0.3)).toBeCloseTo(0.3, 12);
    expect(qUpdate(0.3, -1, 0.3)).toBeCloseTo(0.3 + 0.3 * (-1 - 0.3), 12);
    expect(qUpdate(0.5, 0.5, 0.3)).toBeCloseTo(0.5, 12);
    expect(qUpdate(-0.2, 0.8, 1)).toBeCloseTo(0.8, 12);
  });

  it("converges to a constant reward geometrically", () => {
    let q = 0;
    for (let i = 0; i < 10; i++) q = qUpdate(q, 1, 0.3);
    expect(q).toBeCloseTo(1 - 0.7 ** 10, 12);
  });

  it("clamps the reward to [−1, 1], so Q never leaves it", () => {
    expect(clampReward(2)).toBe(1);
    expect(clampReward(-3)).toBe(-1);
    expect(qUpdate(0.9, 2, 1)).toBe(1);
    expect(qUpdate(-0.9, -5, 0.5)).toBeCloseTo(-0.95, 12);
  });

  it("rejects α outside (0, 1] and non-finite values", () => {
    expect(() => qUpdate(0, 1, 0)).toThrow(RangeError);
    expect(() => qUpdate(0, 1, 1.1)).toThrow(RangeError);
    expect(() => qUpdate(0, Number.NaN, 0.3)).toThrow(RangeError);
  });
});
