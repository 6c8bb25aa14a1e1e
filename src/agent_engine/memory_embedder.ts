import type { Embedder } from "../embed/mod.ts";

/** Anything that knows its current embedder, which may change (`EpisodicMemory` refits). */
export interface EmbedderSource {
  readonly embedder: Embedder;
}

/**
 * An embedder that always embeds with the memory's current one. The episodic memory refits the
 * local embedder's term statistics as it grows, which changes its space; the agent path holds
 * one embedder for its whole life, so it gets this view. Each vector's space is remembered
 * ({@link MemoryEmbedder.spaceOf}) so that a vector made just before a refit is searched in the
 * space it was made in, never compared with vectors of another.
 *
 * @example
 * ```ts
 * const embedder = memoryEmbedder(memory);
 * const [v] = await embedder.embed(["fix the build"]);
 * memory.recall(v, { space: embedder.spaceOf(v) });
 * ```
 */
export interface MemoryEmbedder extends Embedder {
  /** The space `vector` was embedded in, when this embedder made it. */
  spaceOf(vector: Float32Array): string | undefined;
}

/** See {@link MemoryEmbedder}. */
export function memoryEmbedder(source: EmbedderSource): MemoryEmbedder {
  const spaces = new WeakMap<Float32Array, string>();
  return {
    get space() {
      return source.embedder.space;
    },
    get dims() {
      return source.embedder.dims;
    },
    async embed(texts) {
      const embedder = source.embedder;
      const vectors = await embedder.embed(texts);
      for (const vector of vectors) spaces.set(vector, embedder.space);
      return vectors;
    },
    spaceOf: (vector) => spaces.get(vector),
  };
}
