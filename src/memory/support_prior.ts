/**
 * C in the support prior, in non-zero components. Measured on LoCoMo (local embedder, D = 512,
 * frozen idf): evidence-recall@5 0.494 without the prior, 0.522 at C = 128, 0.533 at C = 512,
 * flat from there to C → ∞ (0.535); 512 sits inside the plateau.
 */
export const SUPPORT_PRIOR_C = 512;

/**
 * The support prior of a stored vector, a length prior for recall:
 *
 *   λ(v) = √(n / (n + C)),   n = number of non-zero components of v,  C = 512
 *
 * Phase A ranks by similarity · λ(memory). A short memory ("Thanks!", "ok, done") matches a
 * query on one shared word with a high cosine that says little; λ discounts it. For the local
 * embedder n ≈ 8 × the text's distinct features (8 hashed probes each), so λ = √F / √(F + 64)
 * — the helper research's |u| / √(|u|² + c²) with the feature count standing in for the
 * pre-normalisation norm |u|, which the Embedder interface does not expose. A dense embedder
 * (Ollama, OpenAI) gives every vector n = D, hence the same λ: the ranking is plain cosine.
 *
 * @example
 * ```ts
 * supportPrior(new Float32Array([1, 0, 0, 0])); // √(1 / 513) ≈ 0.044
 * ```
 */
export function supportPrior(vector: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < vector.length; i++) if (vector[i] !== 0) n++;
  return Math.sqrt(n / (n + SUPPORT_PRIOR_C));
}
