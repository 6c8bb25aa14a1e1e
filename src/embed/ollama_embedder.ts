import { Ollama } from "ollama";
import type { Embedder } from "./embedder.ts";
import { inBatches, toVectors } from "./normalize.ts";

/** Options for {@link createOllamaEmbedder}. */
export interface OllamaEmbedderOptions {
  /** Ollama's base URL (`OLLAMA_URL`). */
  readonly url: string;
  /** Embedding model (`OLLAMA_EMBED_MODEL`, or `embedding.model`). */
  readonly model: string;
  /** Per-request time budget in milliseconds. Default 30 000. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** Texts per request: Ollama embeds a batch in one call. */
const BATCH = 64;

/**
 * Embeds with a local Ollama server (`POST /api/embed`) through the `ollama`
 * package; the one adapter for that SDK. Creating it asks Ollama for one vector
 * to learn the model's dimension, so an unreachable server or a missing model
 * fails here, where the caller can fall back (see `createEmbedder`).
 * Space id: `ollama:<model>:<dims>`; vectors are L2-normalised.
 */
export async function createOllamaEmbedder(options: OllamaEmbedderOptions): Promise<Embedder> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const baseFetch = options.fetch ?? fetch;
  const client = new Ollama({
    host: options.url,
    fetch: (input, init) => baseFetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
  });
  const embedBatch = async (texts: readonly string[]) => {
    const response = await client.embed({
      model: options.model,
      input: [...texts],
      truncate: true,
    });
    return toVectors(response.embeddings, texts.length, `Ollama (${options.model})`);
  };
  const [probe] = await embedBatch(["lshml"]);
  const dims = probe?.length ?? 0;
  return {
    space: `ollama:${options.model}:${dims}`,
    dims,
    embed: (texts) => inBatches(texts, BATCH, embedBatch),
  };
}
