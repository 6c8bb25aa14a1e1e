import { z } from "zod";
import { defineVersionedFile } from "../store/mod.ts";
import { minerStateSchema } from "./miner_state.ts";
import { DEFAULT_MINER_OPTIONS } from "./miner_options.ts";
import { MINER_STATE_VERSION } from "./miner_state.ts";

/** Most examples kept per cluster: the first line seen, then distinct later ones. */
export const MAX_EXAMPLES = 5;
/** Most source ids remembered per cluster. */
export const MAX_SOURCES = 5;
/** Days of per-day counts kept for the trend. */
export const DAILY_DAYS = 60;

/** What lshml knows about one error cluster besides its template. */
export const ClusterMetaSchema = z.object({
  id: z.string(),
  /** The line that founded the cluster (secrets redacted): what it is "about". */
  representative: z.string(),
  /** Up to {@link MAX_EXAMPLES} distinct lines (secrets redacted). */
  examples: z.array(z.string()),
  /** Occurrences observed. */
  count: z.number().int().nonnegative(),
  /** ISO 8601 times of the first and the latest occurrence. */
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** Occurrences per signal type (timeout, tool_error, …). */
  signalTypes: z.record(z.string(), z.number().int().nonnegative()),
  /** Up to {@link MAX_SOURCES} sources it was seen in. */
  sources: z.array(z.string()),
  /** Occurrences per UTC day (`YYYY-MM-DD`), the last {@link DAILY_DAYS} days. */
  daily: z.record(z.string(), z.number().int().nonnegative()),
});

/** See {@link ClusterMetaSchema}. */
export type ClusterMeta = z.infer<typeof ClusterMetaSchema>;

/** A recorded merge: `from` now reports as `into`. */
export const MergeRecordSchema = z.object({
  from: z.string(),
  into: z.string(),
  at: z.string(),
  reason: z.string(),
});

/** See {@link MergeRecordSchema}. */
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

const RegistryDocument = z.object({
  version: z.literal(1),
  miner: minerStateSchema,
  clusters: z.record(z.string(), ClusterMetaSchema),
  merges: z.array(MergeRecordSchema),
});

/** The content of `memory/cluster-registry.json`. */
export type RegistryDocument = z.infer<typeof RegistryDocument>;

/** `memory/cluster-registry.json`: the miner's templates plus what lshml knows per cluster. */
export const ClusterRegistryFile = defineVersionedFile({
  name: "cluster registry",
  version: 1,
  schema: RegistryDocument,
  pretty: false,
  empty: (): RegistryDocument => ({
    version: 1,
    miner: {
      version: MINER_STATE_VERSION,
      options: { ...DEFAULT_MINER_OPTIONS },
      clusters: [],
      merges: {},
    },
    clusters: {},
    merges: [],
  }),
});
