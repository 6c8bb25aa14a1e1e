import { z } from "zod";

/**
 * Tuning of {@link TemplateMiner}. One configuration serves every log source: the defaults were
 * chosen once on the Loghub 2k benchmark (see `scripts/bench/cluster_ga.ts`) and are not meant to
 * be tuned per source.
 */
export const minerOptionsSchema = z.object({
  /**
   * Largest fraction of a template's constant tokens that may differ from a line that still joins
   * it; Drain's similarity threshold `st` is `1 - maxMismatchRatio`. At 0.25 a four-word template
   * absorbs one differing word (a user name), a three-word one absorbs none.
   */
  maxMismatchRatio: z.number().min(0).max(1),
  /**
   * How many leading tokens route a line to its candidates, after its token count: Drain's tree
   * depth minus two. Leading tokens are usually constant ("Failed password", "Invalid user"), so
   * lines that differ there are never compared.
   */
  routeDepth: z.number().int().min(0).max(8),
});

/** Tuning of {@link TemplateMiner}; see {@link minerOptionsSchema} for each field. */
export type MinerOptions = z.infer<typeof minerOptionsSchema>;

/** The one configuration used for every log source (Loghub 2k mean GA 0.967; see `mod.ts`). */
export const DEFAULT_MINER_OPTIONS: Readonly<MinerOptions> = Object.freeze({
  maxMismatchRatio: 0.25,
  routeDepth: 2,
});
