import type { EventAtLine, EvolutionEvent } from "../gep/mod.ts";

/** An evolution event as the evolution log shows it: everything but the selector's raw inputs. */
export interface EventRow {
  readonly id: string;
  /** 1-based line in `assets/gep/events.jsonl` (where `lshml events verify` points). */
  readonly line: number;
  readonly cycle: number;
  readonly createdAt: string;
  readonly intent: EvolutionEvent["intent"];
  readonly mode: EvolutionEvent["mode"];
  readonly clusterId: string | null;
  readonly signals: readonly string[];
  readonly genesUsed: readonly string[];
  readonly selected: string | null;
  readonly reasons: readonly string[];
  readonly alternatives: readonly { readonly gene: string; readonly score: number }[];
  readonly seed: number;
  readonly status: EvolutionEvent["outcome"]["status"];
  readonly score: number;
  readonly outcomeReasons: readonly string[];
  readonly blastRadius: EvolutionEvent["blast_radius"];
  readonly validation: EvolutionEvent["validation"];
  readonly capsuleId: string | null;
  readonly parent: string | null;
  readonly assetId: string;
}

/** One event, shaped for the page. */
export function eventRow({ line, event }: EventAtLine): EventRow {
  return {
    id: event.id,
    line,
    cycle: event.cycle,
    createdAt: event.created_at,
    intent: event.intent,
    mode: event.mode,
    clusterId: event.cluster_id,
    signals: event.signals,
    genesUsed: event.genes_used,
    selected: event.selector.selected,
    reasons: event.selector.reasons,
    alternatives: event.selector.alternatives,
    seed: event.selector.seed,
    status: event.outcome.status,
    score: event.outcome.score,
    outcomeReasons: event.outcome.reasons ?? [],
    blastRadius: event.blast_radius,
    validation: event.validation,
    capsuleId: event.capsule_id,
    parent: event.parent,
    assetId: event.asset_id,
  };
}

/**
 * A page of events, newest first: at most `limit` events on lines before `beforeLine` (all when
 * absent), so the page can load older ones on demand.
 */
export function eventPage(
  events: readonly EventAtLine[],
  options: { readonly limit: number; readonly beforeLine?: number | undefined },
): { rows: EventRow[]; total: number; more: boolean } {
  const before = options.beforeLine;
  const older = before === undefined ? events : events.filter((e) => e.line < before);
  const slice = older.slice(Math.max(0, older.length - options.limit));
  return {
    rows: slice.map(eventRow).reverse(),
    total: events.length,
    more: older.length > slice.length,
  };
}
