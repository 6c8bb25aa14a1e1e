import type { ActiveFix, FixOutcome } from "../learn/mod.ts";
import type { CycleRecord } from "../state/mod.ts";

/** The feedback loop after one cycle. */
export interface TimelinePoint {
  readonly cycle: number;
  /** When the cycle ran (ISO 8601), when the bounded history still has it. */
  readonly at: string | null;
  /** Fixes applied and not yet decided. */
  readonly active: number;
  /** Fixes proven (3 clean cycles) and not reversed since. */
  readonly proven: number;
  /** Fixes whose error came back within 5 cycles. */
  readonly failed: number;
}

/** The feedback loop now and over time. */
export interface FeedbackTimeline {
  readonly active: number;
  readonly proven: number;
  readonly failed: number;
  /** One point per cycle (evenly thinned to at most `maxPoints`, the last cycle always kept). */
  readonly points: readonly TimelinePoint[];
}

/** Points drawn at most: more than a chart's width in pixels would add nothing. */
export const MAX_TIMELINE_POINTS = 300;

interface Step {
  cycle: number;
  active: number;
  proven: number;
  failed: number;
}

/**
 * Replays the feedback loop from what the engine keeps: every fix ever applied is either still
 * watched (`state.json` fixes) or has an outcome (`feedback.jsonl`, which also records when the fix
 * was applied). A fix counts as active from the cycle it was applied until its first outcome;
 * a proven outcome counts until a failure reverses it.
 *
 * @example
 * ```ts
 * feedbackTimeline({ cycles: 5, fixes: state.evolution.fixes, outcomes, history });
 * // { active: 1, proven: 1, failed: 1, points: [{ cycle: 1, active: 1, … }, …] }
 * ```
 */
export function feedbackTimeline(input: {
  readonly cycles: number;
  readonly fixes: readonly ActiveFix[];
  readonly outcomes: readonly FixOutcome[];
  readonly history: readonly CycleRecord[];
  readonly maxPoints?: number;
}): FeedbackTimeline {
  const deltas = new Map<number, Step>();
  const at = (cycle: number) => {
    let step = deltas.get(cycle);
    if (!step) deltas.set(cycle, step = { cycle, active: 0, proven: 0, failed: 0 });
    return step;
  };
  const applied = new Map<string, number>();
  for (const fix of input.fixes) applied.set(fix.eventId, fix.appliedCycle);
  const decided = new Set<string>();
  const seen = new Set<string>();
  for (const outcome of input.outcomes) {
    if (seen.has(outcome.id)) continue; // a replayed cycle appends nothing twice, but be sure
    seen.add(outcome.id);
    applied.set(outcome.eventId, outcome.appliedCycle);
    if (!decided.has(outcome.eventId)) {
      decided.add(outcome.eventId);
      at(outcome.cycle).active--;
    }
    at(outcome.cycle)[outcome.status]++;
    if (outcome.status === "failed" && outcome.reverses) at(outcome.cycle).proven--;
  }
  for (const cycle of applied.values()) at(cycle).active++;

  const last = Math.max(input.cycles, ...deltas.keys(), 0);
  const times = new Map(input.history.map((h) => [h.cycle, h.at]));
  const points: TimelinePoint[] = [];
  const running = { active: 0, proven: 0, failed: 0 };
  const keep = thinning(last, input.maxPoints ?? MAX_TIMELINE_POINTS);
  for (let cycle = 0; cycle <= last; cycle++) {
    const step = deltas.get(cycle);
    if (step) {
      running.active += step.active;
      running.proven += step.proven;
      running.failed += step.failed;
    }
    if (cycle >= 1 && keep(cycle)) points.push({ cycle, at: times.get(cycle) ?? null, ...running });
  }
  return { ...running, points };
}

/** Which of cycles 1…last to keep so that at most `max` remain, the last one always. */
function thinning(last: number, max: number): (cycle: number) => boolean {
  if (last <= max) return () => true;
  const every = last / max;
  return (cycle) => cycle === last || Math.floor(cycle / every) !== Math.floor((cycle - 1) / every);
}
