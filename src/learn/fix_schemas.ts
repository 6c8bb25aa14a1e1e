import { z } from "zod";

/**
 * A fix being watched by the feedback loop (kept in `memory/state.json`). `status` is "active"
 * until its third clean cycle, then "proven" until its failure window closes. `lastCycle` is the
 * last cycle it was advanced in (absent: `appliedCycle`), so advancing twice for one cycle does
 * not count twice.
 */
export const ActiveFixSchema = z.object({
  clusterId: z.string().min(1),
  geneId: z.string().min(1),
  /** The EvolutionEvent that applied the fix; outcome ids derive from it. */
  eventId: z.string().min(1),
  appliedCycle: z.number().int().nonnegative(),
  cleanCycles: z.number().int().nonnegative(),
  status: z.enum(["active", "proven"]),
  lastCycle: z.number().int().nonnegative().optional(),
});

/** See {@link ActiveFixSchema}. */
export type ActiveFix = z.infer<typeof ActiveFixSchema>;

/**
 * What the feedback loop concluded about one fix (a line of `memory/feedback.jsonl`). The id is
 * `${eventId}:${status}`, so replaying a cycle yields the same ids and consumers can skip
 * duplicates. A "failed" outcome with `reverses` takes back the earlier "proven" outcome of the
 * same fix (its cluster recurred 4 or 5 cycles after the fix).
 */
export const FixOutcomeSchema = z.object({
  id: z.string().min(1),
  clusterId: z.string().min(1),
  geneId: z.string().min(1),
  eventId: z.string().min(1),
  status: z.enum(["proven", "failed"]),
  /** The cycle in which the outcome was decided. */
  cycle: z.number().int().nonnegative(),
  appliedCycle: z.number().int().nonnegative(),
  /** Clean cycles seen when the outcome was decided. */
  cleanCycles: z.number().int().nonnegative(),
  /** Id of the "proven" outcome this failure reverses. */
  reverses: z.string().optional(),
  /** One sentence for people: what happened. */
  reason: z.string(),
});

/** See {@link FixOutcomeSchema}. */
export type FixOutcome = z.infer<typeof FixOutcomeSchema>;
