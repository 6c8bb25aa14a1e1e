import type { ClusterView, Trend } from "../cluster/mod.ts";
import type { ActiveFix, FixOutcome, KnowledgeBase } from "../learn/mod.ts";

/** The fix of a cluster and where it stands. */
export interface ClusterFix {
  /** active: watched, not decided; proven: 3 clean cycles (maybe still watched); failed: recurred. */
  readonly state: "active" | "proven" | "failed";
  readonly geneId: string;
  readonly eventId: string;
  readonly appliedCycle: number;
  /** Clean cycles so far, while the fix is watched. */
  readonly cleanCycles: number | null;
  /** Whether the feedback loop still watches it. */
  readonly watched: boolean;
}

/** One cluster as the clusters page shows it. Strings are untrusted (they come from logs). */
export interface ClusterRow {
  readonly id: string;
  readonly template: string;
  readonly representative: string;
  readonly examples: readonly string[];
  readonly count: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly trend: Trend;
  readonly signalTypes: Readonly<Record<string, number>>;
  readonly sources: readonly string[];
  /** Occurrences per day, oldest first, ending today (UTC). */
  readonly days: readonly { readonly day: string; readonly count: number }[];
  /** The latest fix, if one was ever applied. */
  readonly fix: ClusterFix | null;
  /** Every gene tried on it, with its record. */
  readonly lessons: readonly {
    readonly geneId: string;
    readonly applied: number;
    readonly proven: number;
    readonly failed: number;
    readonly confidence: number;
  }[];
}

/** Days of history shown per cluster: two weeks, the window of the trend. */
export const SHOWN_DAYS = 14;
const DAY_MS = 86_400_000;

function lastDays(daily: Readonly<Record<string, number>>, today: Date) {
  return Array.from({ length: SHOWN_DAYS }, (_, i) => {
    const day = new Date(today.getTime() - (SHOWN_DAYS - 1 - i) * DAY_MS).toISOString().slice(
      0,
      10,
    );
    return { day, count: daily[day] ?? 0 };
  });
}

function fixOf(
  clusterId: string,
  watched: readonly ActiveFix[],
  outcomes: readonly FixOutcome[],
): ClusterFix | null {
  const current = watched.filter((f) => f.clusterId === clusterId).at(-1);
  if (current) {
    return {
      state: current.status,
      geneId: current.geneId,
      eventId: current.eventId,
      appliedCycle: current.appliedCycle,
      cleanCycles: current.cleanCycles,
      watched: true,
    };
  }
  const last = outcomes.filter((o) => o.clusterId === clusterId).at(-1);
  if (!last) return null;
  return {
    state: last.status,
    geneId: last.geneId,
    eventId: last.eventId,
    appliedCycle: last.appliedCycle,
    cleanCycles: null,
    watched: false,
  };
}

/**
 * Joins the cluster registry with the feedback loop and the knowledge base: per cluster its
 * numbers, last two weeks, the fix it has (or had) and every lesson learned on it.
 */
export function clusterRows(input: {
  readonly clusters: readonly ClusterView[];
  readonly fixes: readonly ActiveFix[];
  readonly outcomes: readonly FixOutcome[];
  readonly kb: KnowledgeBase;
  readonly today: Date;
}): ClusterRow[] {
  return input.clusters.map((c) => ({
    id: c.id,
    template: c.template,
    representative: c.representative,
    examples: c.examples,
    count: c.count,
    firstSeen: c.firstSeen,
    lastSeen: c.lastSeen,
    trend: c.trend,
    signalTypes: c.signalTypes,
    sources: c.sources,
    days: lastDays(c.daily, input.today),
    fix: fixOf(c.id, input.fixes, input.outcomes),
    lessons: Object.values(input.kb.entries[c.id] ?? {}).map((e) => ({
      geneId: e.geneId,
      applied: e.applied,
      proven: e.proven,
      failed: e.failed,
      confidence: e.confidence,
    })).sort((a, b) => b.confidence - a.confidence),
  }));
}
