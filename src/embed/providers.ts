import type { Embedder } from "./embedder.ts";
import type { OllamaEmbedderOptions } from "./ollama_embedder.ts";
import type { OpenAIEmbedderOptions } from "./openai_embedder.ts";

/**
 * The Ollama and OpenAI adapters, loaded on first use: their SDKs stay out of
 * the start-up path of every command that never embeds remotely (`lshml --help`
 * must start in well under 150 ms).
 */

/** See `ollama_embedder.ts`. */
export async function createOllamaEmbedder(options: OllamaEmbedderOptions): Promise<Embedder> {
  return await (await import("./ollama_embedder.ts")).createOllamaEmbedder(options);
}

/** See `openai_embedder.ts`. */
export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  return await (await import("./openai_embedder.ts")).createOpenAIEmbedder(options);
}
