/**
 * An embedder turns texts into vectors of one fixed embedding space.
 *
 * `space` names that space: two vectors are comparable only when they carry the same space id,
 * and an embedder changes its id whenever its vectors would change (another model, another
 * dimension count, another weighting). Stored vectors keep the id they were made with; when the
 * configured space changes, they are re-embedded from their text, never compared across spaces.
 *
 * @example
 * ```ts
 * import { createLocalEmbedder } from "./local_embedder.ts";
 * const embedder: Embedder = createLocalEmbedder({ dimensions: 512 });
 * const [vector] = await embedder.embed(["npm install fails with EACCES"]);
 * // embedder.space === "local:hash-ngram:v1:512", vector.length === 512
 * ```
 */
export interface Embedder {
  /** Embedding-space id, e.g. `local:hash-ngram:v1:512` or `ollama:nomic-embed-text`. */
  readonly space: string;
  /** Length of every vector this embedder returns. */
  readonly dims: number;
  /**
   * Embeds each text into a vector of length {@link Embedder.dims}, in input order. Vectors of
   * the built-in embedders are L2-normalised, so their dot product is their cosine similarity.
   */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
