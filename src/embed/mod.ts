/**
 * Embeddings: the {@link Embedder} interface every provider implements, the one place for
 * vector similarity, and the default local embedder (multilingual, no network, no model) with
 * its optional frozen corpus statistics.
 *
 * @module
 */
export type { Embedder } from "./embedder.ts";
export { cosine, dot } from "./cosine.ts";
export { createLocalEmbedder, DEFAULT_LOCAL_DIMENSIONS, localSpaceId } from "./local_embedder.ts";
export type { LocalEmbedder, LocalEmbedderOptions } from "./local_embedder.ts";
export {
  fitTermStatistics,
  termStatisticsFingerprint,
  termStatisticsFromJson,
  TermStatisticsJsonSchema,
  termStatisticsToJson,
} from "./term_statistics.ts";
export type { TermStatistics, TermStatisticsJson } from "./term_statistics.ts";
export { normalizeInPlace } from "./normalize.ts";
export { createOllamaEmbedder, createOpenAIEmbedder } from "./providers.ts";
export type { OllamaEmbedderOptions } from "./ollama_embedder.ts";
export type { OpenAIEmbedderOptions } from "./openai_embedder.ts";
export { createEmbedder } from "./create_embedder.ts";
export { homeEmbedder } from "./home_embedder.ts";
export type { HomeEmbedderOptions } from "./home_embedder.ts";
export type { CreateEmbedderOptions } from "./create_embedder.ts";
export { EmbeddingCache, MAX_ENTRIES_PER_SPACE, textKey } from "./embedding_cache.ts";
export { cachedEmbedder } from "./cached_embedder.ts";
