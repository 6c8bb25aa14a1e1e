import type { Embedder } from "./embedder.ts";
import type { EmbeddingCache } from "./embedding_cache.ts";

/**
 * Wraps an embedder with a persistent cache: texts embedded before (in the same
 * space) come from the cache, the rest from the embedder, in input order.
 *
 * @example
 * ```ts
 * const embedder = cachedEmbedder(await createEmbedder(config, { warn }), new EmbeddingCache(path));
 * ```
 */
export function cachedEmbedder(inner: Embedder, cache: EmbeddingCache): Embedder {
  return {
    space: inner.space,
    dims: inner.dims,
    async embed(texts) {
      const found = await cache.get(inner.space, texts);
      const missing = texts.filter((_, i) => found[i] === undefined);
      const computed = missing.length > 0 ? await inner.embed(missing) : [];
      await cache.put(
        inner.space,
        inner.dims,
        missing.map((text, i) => ({
          text,
          vector: computed[i] as Float32Array,
        })),
      );
      let next = 0;
      return found.map((vector) => vector ?? (computed[next++] as Float32Array));
    },
  };
}
