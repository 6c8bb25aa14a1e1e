import type { Config } from "../config/mod.ts";
import { dataFilePath } from "../store/mod.ts";
import { cachedEmbedder } from "./cached_embedder.ts";
import { createEmbedder } from "./create_embedder.ts";
import type { Embedder } from "./embedder.ts";
import { EmbeddingCache } from "./embedding_cache.ts";
import { createLocalEmbedder } from "./local_embedder.ts";

/** Options of {@link homeEmbedder}. */
export interface HomeEmbedderOptions {
  /** The lshml home directory (its `memory/embeddings-cache.json` caches model vectors). */
  readonly home: string;
  readonly now: () => Date;
  /** Told once when a configured model cannot be used and the local embedder stands in. */
  readonly warn: (message: string) => void;
  readonly fetch?: typeof fetch;
}

/**
 * The configured embedder (`embedding.provider`) as every part of lshml uses it for a home: the
 * local one (no network) by default; Ollama or OpenAI vectors are cached in the home, keyed by
 * space and text, so a text is sent to the model once. When a model cannot be used the local
 * embedder stands in (see `createEmbedder`): vectors carry their space, so nothing of the two
 * is ever compared.
 *
 * @throws {ConfigError} when OpenAI is chosen without an API key.
 * @example
 * ```ts
 * const embedder = await homeEmbedder(config, { home, now: () => new Date(), warn: console.error });
 * ```
 */
export async function homeEmbedder(
  config: Config,
  options: HomeEmbedderOptions,
): Promise<Embedder> {
  if (config.embedding.provider === "local") {
    return createLocalEmbedder({ dimensions: config.embedding.dimensions });
  }
  const embedder = await createEmbedder(config, {
    warn: options.warn,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (embedder.space.startsWith("local:")) return embedder;
  const cache = new EmbeddingCache(dataFilePath(options.home, "embeddingsCache"), options.now);
  return cachedEmbedder(embedder, cache);
}
