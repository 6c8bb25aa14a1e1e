import type { ActiveFix, FixOutcome } from "./fix_schemas.ts";

/** Clean cycles after which a fix is proven (the product's promise: "after 3 clean cycles"). */
export const PROVEN_AFTER_CLEAN = 3;
/** Cycles after the fix within which a recurrence fails it ("if the error recurs within 5"). */
export const FAIL_WINDOW = 5;

/** One cycle's evidence for {@link advanceFixes}. */
export interface CycleEvidence {
  /** The cycle number; every call to {@link advanceFixes} is one cycle. */
  readonly cycle: number;
  /** Ids of the clusters that occurred in this cycle. */
  readonly seen: ReadonlySet<string>;
}

/** What {@link advanceFixes} returns. */
export interface AdvanceResult {
  /** Fixes still being watched, in input order. */
  readonly fixes: ActiveFix[];
  /** Outcomes decided in this cycle, in input order. */
  readonly outcomes: FixOutcome[];
  /**
   * Fixes dropped without an outcome: still short of 3 clean cycles when their cluster came back
   * after the window closed. Only possible when cycles were skipped (see {@link advanceFixes}).
   */
  readonly expired: ActiveFix[];
}

/**
 * Starts watching a fix applied in `cycle` (the cycle that applied it never counts as clean).
 *
 * @example
 * ```ts
 * const fix = startFix({ clusterId: "c1", geneId: "g1", eventId: "evt_1", cycle: 10 });
 * ```
 */
export function startFix(
  input: { clusterId: string; geneId: string; eventId: string; cycle: number },
): ActiveFix {
  const { clusterId, geneId, eventId, cycle } = input;
  if (!Number.isInteger(cycle) || cycle < 0) {
    throw new RangeError(`cycle must be a non-negative integer, got ${cycle}`);
  }
  return { clusterId, geneId, eventId, appliedCycle: cycle, cleanCycles: 0, status: "active" };
}

/**
 * Advances every watched fix by one cycle (DESIGN §6.5 step 2). Pure. With c0 the fix's cycle
 * and c this one:
 * - the fix's cluster not in `seen`: a clean cycle; the {@link PROVEN_AFTER_CLEAN}th clean cycle
 *   emits "proven" (the fix stays watched until c − c0 ≥ {@link FAIL_WINDOW}, then is final);
 * - the cluster in `seen` and c − c0 ≤ {@link FAIL_WINDOW}: emits "failed" and stops watching;
 *   a fix already proven gets a "failed" whose `reverses` names the proven outcome;
 * - the cluster in `seen` and c − c0 > {@link FAIL_WINDOW}: a new occurrence, not a failure.
 *
 * A cycle is one call. A call for a cycle the fix was already advanced in (or applied in) leaves
 * it unchanged, so replays are harmless. A gap in cycle numbers (cycles that did not run) carries
 * no evidence: those cycles are neither clean nor recurrences, but the window still closes by
 * cycle number. A fix that reaches the end of its window with fewer than 3 clean cycles (only
 * possible after such gaps) keeps being watched until its third clean cycle (then proven and
 * final at once) or until its cluster comes back — a new occurrence, so the fix expires without
 * an outcome: there is no evidence either way.
 *
 * @throws {RangeError} when `cycle` is not a non-negative integer.
 * @example
 * ```ts
 * let fixes = [startFix({ clusterId: "c1", geneId: "g1", eventId: "e1", cycle: 0 })];
 * for (const cycle of [1, 2, 3]) ({ fixes } = advanceFixes(fixes, { cycle, seen: new Set() }));
 * // fixes[0].status === "proven"; the third call emitted { id: "e1:proven", … }
 * ```
 */
export function advanceFixes(
  fixes: readonly ActiveFix[],
  evidence: CycleEvidence,
): AdvanceResult {
  const { cycle, seen } = evidence;
  if (!Number.isInteger(cycle) || cycle < 0) {
    throw new RangeError(`cycle must be a non-negative integer, got ${cycle}`);
  }
  const kept: ActiveFix[] = [];
  const outcomes: FixOutcome[] = [];
  const expired: ActiveFix[] = [];
  for (const fix of fixes) {
    if (cycle <= (fix.lastCycle ?? fix.appliedCycle)) {
      kept.push(fix);
      continue;
    }
    const elapsed = cycle - fix.appliedCycle;
    if (seen.has(fix.clusterId)) {
      if (elapsed <= FAIL_WINDOW) outcomes.push(_failed(fix, cycle));
      else if (fix.status === "active") expired.push(fix);
      continue;
    }
    const next: ActiveFix = { ...fix, cleanCycles: fix.cleanCycles + 1, lastCycle: cycle };
    if (next.status === "active" && next.cleanCycles >= PROVEN_AFTER_CLEAN) {
      next.status = "proven";
      outcomes.push(_proven(next, cycle));
    }
    if (next.status === "proven" && elapsed >= FAIL_WINDOW) continue;
    kept.push(next);
  }
  return { fixes: kept, outcomes, expired };
}

function _proven(fix: ActiveFix, cycle: number): FixOutcome {
  return {
    ..._common(fix, cycle),
    id: `${fix.eventId}:proven`,
    status: "proven",
    reason: `gene ${fix.geneId} held for ${fix.cleanCycles} clean cycles on cluster ` +
      `${fix.clusterId} (applied in cycle ${fix.appliedCycle})`,
  };
}

function _failed(fix: ActiveFix, cycle: number): FixOutcome {
  const elapsed = cycle - fix.appliedCycle;
  const base = `cluster ${fix.clusterId} recurred ${elapsed} cycle${elapsed === 1 ? "" : "s"} ` +
    `after gene ${fix.geneId} was applied`;
  const outcome: FixOutcome = {
    ..._common(fix, cycle),
    id: `${fix.eventId}:failed`,
    status: "failed",
    reason: base,
  };
  if (fix.status !== "proven") return outcome;
  const reverses = `${fix.eventId}:proven`;
  return { ...outcome, reverses, reason: `${base}; this reverses the earlier ${reverses}` };
}

function _common(fix: ActiveFix, cycle: number) {
  return {
    clusterId: fix.clusterId,
    geneId: fix.geneId,
    eventId: fix.eventId,
    cycle,
    appliedCycle: fix.appliedCycle,
    cleanCycles: fix.cleanCycles,
  };
}
