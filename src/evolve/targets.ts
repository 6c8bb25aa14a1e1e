import type { ClusterRegistry } from "../cluster/mod.ts";
import type { Signal } from "../signals/mod.ts";
import type { ActiveFix } from "../learn/mod.ts";
import type { Intent } from "./strategy.ts";

/** Something a cycle can evolve a fix for: an error cluster or a group of behaviour signals. */
export interface Target {
  /** A cluster id, or `sig:<type>[:<tool>]` for behaviour signals. */
  readonly key: string;
  readonly intent: Intent;
  /** What it is about: the cluster's template, or the latest signal's excerpt. */
  readonly text: string;
  readonly signalTypes: Readonly<Record<string, number>>;
  /** Occurrences in this cycle. */
  readonly now: number;
  /** Occurrences ever (clusters); this cycle's for behaviour groups. */
  readonly total: number;
  readonly examples: readonly string[];
}

/** A cluster must have occurred this often before it is worth a fix. */
export const MIN_OCCURRENCES = 2;

const OPTIMIZE = new Set(["perf_bottleneck", "repeated_tool_loop"]);
const INNOVATE = new Set([
  "user_feature_request",
  "user_improvement_suggestion",
  "capability_gap",
  "evolution_stagnation",
]);

/** The key of a behaviour signal's group: the type, and the tool for loops. */
export function behaviourKey(signal: Signal): string | undefined {
  if (signal.type === "repeated_tool_loop") return `sig:${signal.type}:${signal.tool}`;
  if (OPTIMIZE.has(signal.type) || INNOVATE.has(signal.type)) return `sig:${signal.type}`;
  return undefined;
}

function behaviourTargets(signals: readonly Signal[], watched: ReadonlySet<string>): Target[] {
  const groups = new Map<string, { signal: Signal; count: number; examples: string[] }>();
  for (const signal of signals) {
    const key = behaviourKey(signal);
    if (!key || watched.has(key)) continue;
    const group = groups.get(key) ?? { signal, count: 0, examples: [] };
    group.signal = signal;
    group.count++;
    if (group.examples.length < 5 && !group.examples.includes(signal.excerpt)) {
      group.examples.push(signal.excerpt);
    }
    groups.set(key, group);
  }
  return [...groups].map(([key, g]) => ({
    key,
    intent: OPTIMIZE.has(g.signal.type) ? "optimize" : "innovate",
    text: g.signal.excerpt,
    signalTypes: { [g.signal.type]: g.count },
    now: g.count,
    total: g.count,
    examples: g.examples,
  }));
}

/**
 * What this cycle could evolve, most pressing first within each intent:
 * repair — error clusters that occurred in this cycle, have occurred at least
 * {@link MIN_OCCURRENCES} times, and have no fix being watched; optimize —
 * slowness and repeated tool calls; innovate — feature requests, improvement
 * suggestions, capability gaps, stagnation.
 */
export function findTargets(
  registry: ClusterRegistry,
  touched: ReadonlyMap<string, number>,
  signals: readonly Signal[],
  fixes: readonly ActiveFix[],
  today: Date,
): Target[] {
  const watched = new Set(fixes.map((f) => f.clusterId));
  const repair: Target[] = [];
  for (const [id, seenNow] of touched) {
    const view = registry.get(id, today);
    if (!view || watched.has(view.id) || view.count < MIN_OCCURRENCES) continue;
    repair.push({
      key: view.id,
      intent: "repair",
      text: view.template,
      signalTypes: view.signalTypes,
      now: seenNow,
      total: view.count,
      examples: view.examples,
    });
  }
  const order = (a: Target, b: Target) =>
    b.now - a.now || b.total - a.total || (a.key < b.key ? -1 : 1);
  return [...repair, ...behaviourTargets(signals, watched)].sort(order);
}

/** How many targets each intent has. */
export function countByIntent(targets: readonly Target[]): Record<Intent, number> {
  const counts: Record<Intent, number> = { repair: 0, optimize: 0, innovate: 0 };
  for (const t of targets) counts[t.intent]++;
  return counts;
}
