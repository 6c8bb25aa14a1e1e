/**
 * Vector similarity, in exactly one place for the whole engine.
 *
 * @module
 */

function assertSameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) {
    throw new RangeError(`vector lengths differ: ${a.length} and ${b.length}`);
  }
}

/**
 * Dot product Σᵢ aᵢ·bᵢ. For L2-normalised vectors (every built-in embedder returns them) this
 * is their cosine similarity, at a third of the cost of {@link cosine}.
 *
 * @throws {RangeError} when the lengths differ.
 * @example
 * ```ts
 * dot(new Float32Array([0.6, 0.8]), new Float32Array([1, 0])); // 0.6
 * ```
 */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assertSameLength(a, b);
  const n = a.length;
  // Four accumulators let V8 overlap the multiply-adds; about 1.5x faster than one.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]! * b[i]!;
  return s0 + s1 + s2 + s3;
}

/**
 * Cosine similarity a·b / (‖a‖·‖b‖), in [−1, 1]; 0 when either vector is all zeros (a zero
 * vector has no direction, so it is similar to nothing).
 *
 * @throws {RangeError} when the lengths differ.
 * @example
 * ```ts
 * cosine([1, 0], [1, 1]); // ≈ 0.7071
 * ```
 */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assertSameLength(a, b);
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  if (aa === 0 || bb === 0) return 0;
  return ab / Math.sqrt(aa * bb);
}
