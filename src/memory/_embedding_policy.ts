import { type Embedder, localSpaceId } from "../embed/mod.ts";
import type { MemoryState } from "./_memory_state.ts";

/**
 * Below this many memories document frequencies are too noisy to weigh words by, and a fit
 * would be redone soon anyway; the fixed prior serves until then.
 */
export const FIT_MIN_MEMORIES = 128;
/**
 * Refit once the memories added since the last fit reach this share of the memories fitted
 * on: the corpus has grown (or turned over) by half. Re-embedding is then amortised to a few
 * embeddings per added memory however large the store grows.
 */
export const REFIT_GROWTH = 0.5;
/** Texts embedded per call while re-embedding (one progress report each). */
export const EMBED_BATCH = 256;

/**
 * Whether `embedder` is the local embedder without corpus statistics — the only one whose
 * statistics the memory fits (its space id is exactly `local:hash-ngram:v1:<D>`).
 */
export function isPlainLocal(embedder: Embedder): boolean {
  return embedder.space === localSpaceId(embedder.dims);
}

/** Whether the local embedder's statistics should be (re)fitted on the stored intents now. */
export function refitDue(base: Embedder, state: MemoryState, enabled: boolean): boolean {
  if (!enabled || !isPlainLocal(base) || state.size < FIT_MIN_MEMORIES) return false;
  if (state.fitted === null) return true;
  return state.addsSinceFit >= Math.max(FIT_MIN_MEMORIES, REFIT_GROWTH * state.fitted.documents);
}

/** Embeds `texts` in batches, reporting (done, total) after each. */
export async function embedAll(
  embedder: Embedder,
  texts: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += EMBED_BATCH) {
    const batch = texts.slice(i, i + EMBED_BATCH);
    const vectors = await embedder.embed(batch);
    if (vectors.length !== batch.length) {
      throw new RangeError(
        `${embedder.space} returned ${vectors.length} vectors for ${batch.length} texts`,
      );
    }
    out.push(...vectors);
    onProgress?.(out.length, texts.length);
  }
  return out;
}
