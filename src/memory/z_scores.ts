/** Below this standard deviation the values are treated as all equal (float noise, not signal). */
const MIN_STD = 1e-9;

/**
 * Standard scores over a set: z(xᵢ) = (xᵢ − μ) / σ with μ the mean and σ the population
 * standard deviation √(Σ(xᵢ − μ)² / n). When σ is (about) zero — a single value, or all equal —
 * every z is 0: the values say nothing about which item is better, so they must not tip the
 * ranking either way. This is how phase B puts similarity and Q on one scale.
 *
 * @example
 * ```ts
 * zScores([1, 2, 3]); // [-1.2247, 0, 1.2247]
 * zScores([0.7]); // [0]
 * ```
 */
export function zScores(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  let mean = 0;
  for (const x of values) mean += x;
  mean /= n;
  let variance = 0;
  for (const x of values) variance += (x - mean) * (x - mean);
  const std = Math.sqrt(variance / n);
  if (!(std > MIN_STD)) return values.map(() => 0);
  return values.map((x) => (x - mean) / std);
}
