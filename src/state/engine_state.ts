import { z } from "zod";
import { ActiveFixSchema } from "../learn/mod.ts";
import { SourceCursorSchema } from "../signals/mod.ts";
import { defineVersionedFile } from "../store/mod.ts";

/** What the last scans did, and where each source stands. */
const ScanState = z.object({
  /** Completed scans. */
  seq: z.number().int().nonnegative(),
  /** ISO 8601 time of the last completed scan, if any. */
  lastAt: z.string().optional(),
  /** Per source id (`sqlite:<path>`, `log:<path>`): where reading resumes. */
  cursors: z.record(z.string(), SourceCursorSchema),
});

/** An evolution waiting for a person (`lshml run --review`). */
export const ReviewItemSchema = z.object({
  id: z.string(),
  cycle: z.number().int().nonnegative(),
  createdAt: z.string(),
  intent: z.enum(["repair", "optimize", "innovate"]),
  clusterId: z.string().nullable(),
  geneId: z.string(),
  mode: z.enum(["advise", "execute"]),
  /** The GEP prompt file written for it (relative to the home). */
  promptFile: z.string(),
  /** Execute mode: the proposed diff, bounded. */
  diff: z.string().optional(),
  /** The event recording the decision (outcome pending_review). */
  eventId: z.string(),
});

/** One line of cycle history: what a cycle decided and what came of earlier fixes. */
export const CycleRecordSchema = z.object({
  cycle: z.number().int().positive(),
  at: z.string(),
  strategy: z.string(),
  intent: z.enum(["repair", "optimize", "innovate"]).nullable(),
  clusterId: z.string().nullable(),
  geneId: z.string().nullable(),
  /** Outcomes of earlier fixes decided in this cycle. */
  proven: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Clusters that occurred in this cycle. */
  seen: z.number().int().nonnegative(),
});

/** Cycles, watched fixes, the review queue, recent history. */
const EvolutionState = z.object({
  /** Completed cycles. */
  cycle: z.number().int().nonnegative(),
  lastCycleAt: z.string().optional(),
  fixes: z.array(ActiveFixSchema),
  review: z.array(ReviewItemSchema),
  /** The most recent cycles (bounded), newest last: input of the `auto` strategy. */
  history: z.array(CycleRecordSchema),
});

/** Cycle records kept in `history`. */
export const HISTORY_LENGTH = 200;

const EngineStateDocument = z.object({
  version: z.literal(1),
  scan: ScanState,
  evolution: EvolutionState.default({ cycle: 0, fixes: [], review: [], history: [] }),
});

/** The content of `memory/state.json`. */
export type EngineState = z.infer<typeof EngineStateDocument>;
export type ReviewItem = z.infer<typeof ReviewItemSchema>;
export type CycleRecord = z.infer<typeof CycleRecordSchema>;

/**
 * `memory/state.json`: scan cursors per source, the cycle counter, the fixes
 * being watched, the review queue and recent cycle history. Written only inside
 * a transaction together with the files whose content it vouches for.
 */
export const EngineStateFile = defineVersionedFile({
  name: "engine state",
  version: 1,
  schema: EngineStateDocument,
  empty: (): EngineState => ({
    version: 1,
    scan: { seq: 0, cursors: {} },
    evolution: { cycle: 0, fixes: [], review: [], history: [] },
  }),
});
