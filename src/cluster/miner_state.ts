import { z } from "zod";
import { minerOptionsSchema } from "./miner_options.ts";

/** Version of the serialised {@link MinerState}; bump it (with a migration) on any shape change. */
export const MINER_STATE_VERSION = 1;

const clusterRecordSchema = z.object({
  /** Stable id: a hash of the cluster's first template (see `TemplateMiner`). */
  id: z.string().min(1),
  /** Current template tokens, `<*>` where the cluster has seen different values. */
  template: z.array(z.string()),
  /** Lines assigned to this pattern so far. */
  size: z.number().int().min(0),
});

/**
 * The whole state of a {@link TemplateMiner} as a plain JSON object. `clusters` lists every
 * template in creation order; `merges` maps every id that was merged away to the id that now
 * stands for it (already resolved, never a chain). A merged-away template keeps matching lines,
 * which are reported under the id it was merged into.
 */
export const minerStateSchema = z.object({
  version: z.literal(MINER_STATE_VERSION),
  options: minerOptionsSchema,
  clusters: z.array(clusterRecordSchema),
  merges: z.record(z.string(), z.string()),
});

/** Serialised {@link TemplateMiner}; see {@link minerStateSchema}. */
export type MinerState = z.infer<typeof minerStateSchema>;

/** One serialised template pattern of a {@link MinerState}. */
export type ClusterRecord = z.infer<typeof clusterRecordSchema>;
