import OpenAI from "openai";
import type { Embedder } from "./embedder.ts";
import { inBatches, toVectors } from "./normalize.ts";

/** Options for {@link createOpenAIEmbedder}. */
export interface OpenAIEmbedderOptions {
  readonly apiKey: string;
  /** API base URL (`OPENAI_BASE_URL`, or `embedding.baseUrl`). */
  readonly baseUrl: string;
  /** Default `text-embedding-3-small`. */
  readonly model?: string;
  /** Requested vector length (text-embedding-3 models can shorten their vectors). */
  readonly dimensions: number;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

/** Texts per request (the API accepts up to 2048 inputs). */
const BATCH = 256;

/**
 * Embeds with the OpenAI API (or any server speaking `POST /v1/embeddings`)
 * through the `openai` package; the one adapter for that SDK. Only used when the
 * user configured it and granted the host. Creating it makes one small request. Space id:
 * `openai:<model>:<dims>`; vectors are L2-normalised.
 */
export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  const model = options.model ?? "text-embedding-3-small";
  // Only the text-embedding-3 family takes a `dimensions` parameter.
  const shortens = model.startsWith("text-embedding-3");
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: 2,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const embedBatch = async (batch: readonly string[]) => {
    const response = await client.embeddings.create({
      model,
      input: [...batch],
      encoding_format: "float",
      ...(shortens ? { dimensions: options.dimensions } : {}),
    });
    const ordered = [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    return toVectors(ordered, batch.length, `OpenAI (${model})`);
  };
  // One probe call checks the key and host now (so a caller can fall back) and learns
  // the vector size of models with a fixed one, so the space id never changes.
  const dims = (await embedBatch(["lshml"]))[0]?.length ?? 0;
  return {
    space: `openai:${model}:${dims}`,
    dims,
    embed: (texts) => inBatches(texts, BATCH, embedBatch),
  };
}
