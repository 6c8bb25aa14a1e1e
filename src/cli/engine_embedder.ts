import {
  cachedEmbedder,
  createEmbedder,
  createLocalEmbedder,
  type Embedder,
  EmbeddingCache,
} from "../embed/mod.ts";
import { dataFilePath } from "../store/mod.ts";
import type { CommandContext } from "./context.ts";
import { requirePermissions } from "./context.ts";

/** The embedders a command works with. */
export interface EngineEmbedders {
  /** Cluster vectors for the predictor: the configured embedder (local by default). */
  readonly embedder: Embedder;
  /** A semantic embedder for merging clusters, when Ollama or OpenAI is configured and works. */
  readonly semantic: Embedder | undefined;
}

/**
 * The configured embedder, cached in the home when it is remote (Ollama,
 * OpenAI); the local one otherwise (and as the stand-in when a remote one
 * cannot be used, with one warning on stderr).
 */
export async function engineEmbedders(context: CommandContext): Promise<EngineEmbedders> {
  const { config } = context.effective;
  if (config.embedding.provider === "local") {
    return {
      embedder: createLocalEmbedder({ dimensions: config.embedding.dimensions }),
      semantic: undefined,
    };
  }
  await requirePermissions(context, [config.embedding.provider]);
  const embedder = await createEmbedder(config, {
    warn: (message) => context.cli.io.err(`lshml: ${message}`),
  });
  if (embedder.space.startsWith("local:")) return { embedder, semantic: undefined };
  const cache = new EmbeddingCache(
    dataFilePath(context.home.dir, "embeddingsCache"),
    context.cli.now,
  );
  const cached = cachedEmbedder(embedder, cache);
  return { embedder: cached, semantic: cached };
}
