import { type Embedder, homeEmbedder } from "../embed/mod.ts";
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
  if (config.embedding.provider !== "local") {
    await requirePermissions(context, [config.embedding.provider]);
  }
  const embedder = await homeEmbedder(config, {
    home: context.home.dir,
    now: context.cli.now,
    warn: (message) => context.cli.io.err(`lshml: ${message}`),
  });
  return { embedder, semantic: embedder.space.startsWith("local:") ? undefined : embedder };
}
