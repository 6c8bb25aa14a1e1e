import type { Config } from "../config/mod.ts";
import { ConfigError } from "../config/mod.ts";
import type { Embedder } from "./embedder.ts";
import { createLocalEmbedder } from "./local_embedder.ts";
import { createOllamaEmbedder, createOpenAIEmbedder } from "./providers.ts";

/** What {@link createEmbedder} needs besides the configuration. */
export interface CreateEmbedderOptions {
  /** Told once, when a configured provider cannot be used and the local one stands in. */
  readonly warn: (message: string) => void;
  readonly fetch?: typeof fetch;
}

/**
 * The embedder the configuration asks for (`embedding.provider`): the local one
 * (default: no network, no model), Ollama, or OpenAI. When Ollama or OpenAI
 * cannot be reached, the local embedder stands in and `warn` is told once —
 * vectors carry their space id, so nothing of the two spaces is ever compared.
 *
 * @throws {ConfigError} when OpenAI is chosen without an API key.
 */
export async function createEmbedder(
  config: Config,
  options: CreateEmbedderOptions,
): Promise<Embedder> {
  const local = () => createLocalEmbedder({ dimensions: config.embedding.dimensions });
  const { provider } = config.embedding;
  if (provider === "local") return local();
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  if (provider === "ollama") {
    const url = config.embedding.baseUrl ?? config.ollama.url;
    const model = config.embedding.model ?? config.ollama.embedModel;
    try {
      return await createOllamaEmbedder({ url, model, ...fetchOption });
    } catch (error) {
      const fallback = local();
      options.warn(
        `Ollama at ${url} (model ${model}) cannot embed: ${(error as Error).message}. ` +
          `Using the local embedder (${fallback.space}) instead; start Ollama or \`ollama pull ${model}\`.`,
      );
      return fallback;
    }
  }
  const apiKey = config.embedding.apiKey ?? config.openai.apiKey;
  if (!apiKey) {
    throw new ConfigError([{
      key: "embedding.apiKey",
      value: undefined,
      from: "embedding.provider=openai",
      allowed: "an API key: set OPENAI_API_KEY or embedding.apiKey",
    }]);
  }
  const baseUrl = config.embedding.baseUrl ?? config.openai.baseUrl;
  try {
    return await createOpenAIEmbedder({
      apiKey,
      baseUrl,
      dimensions: config.embedding.dimensions,
      ...(config.embedding.model ? { model: config.embedding.model } : {}),
      ...fetchOption,
    });
  } catch (error) {
    const fallback = local();
    options.warn(
      `OpenAI embeddings at ${baseUrl} failed: ${(error as Error).message}. ` +
        `Using the local embedder (${fallback.space}) instead.`,
    );
    return fallback;
  }
}
