import { z } from "zod";
import { SourceCursorSchema } from "../signals/mod.ts";
import { defineVersionedFile } from "../store/mod.ts";

/** What the last scans did, and where each source stands. */
const ScanState = z.object({
  /** Completed scans. */
  seq: z.number().int().nonnegative(),
  /** ISO 8601 time of the last completed scan, if any. */
  lastAt: z.string().optional(),
  /** Per source id (`openclaw:<db path>`, `file:<path>`): where reading resumes. */
  cursors: z.record(z.string(), SourceCursorSchema),
});

const EngineStateDocument = z.object({
  version: z.literal(1),
  scan: ScanState,
});

/** The content of `memory/state.json`. */
export type EngineState = z.infer<typeof EngineStateDocument>;

/**
 * `memory/state.json`: scan cursors per source (later also the cycle counter,
 * active fixes and the review queue). Written only inside a transaction
 * together with the files whose content it vouches for.
 */
export const EngineStateFile = defineVersionedFile({
  name: "engine state",
  version: 1,
  schema: EngineStateDocument,
  empty: (): EngineState => ({ version: 1, scan: { seq: 0, cursors: {} } }),
});
