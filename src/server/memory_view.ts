/**
 * What the dashboard needs from the episodic memory (DESIGN §6.6): a small view the memories page
 * and the overview are written against, so the server does not depend on how `src/memory/` stores
 * its entries. `episodicMemoryOpener` adapts the real `EpisodicMemory` to it.
 *
 * @module
 */

/** One memory as shown to a person. Every string is untrusted text from an agent's run. */
export interface MemoryItem {
  readonly id: string;
  /** What the task was about. */
  readonly intent: string;
  /** The transferable strategy learned from it (already sanitised). */
  readonly experience: string;
  /** The learned usefulness Q (MemRL), roughly −1 … 1. */
  readonly q: number;
  /** Times its Q was updated from feedback. */
  readonly visits: number;
  /** Times it was injected into a prompt. */
  readonly selectedCount: number;
  /** Injections that ended well. */
  readonly successCount: number;
  readonly lastReward: number | null;
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A memory found by a search, with how it ranked. */
export interface MemoryHit extends MemoryItem {
  /** Cosine similarity to the query (phase A). */
  readonly similarity: number;
  /** The phase-B ranking score (1 − λ)·z(sim) + λ·z(Q), when ranked. */
  readonly score: number | null;
}

/** What a prompt would recall, and what the plugin would inject for it. */
export interface MemorySearch {
  /** Phase A candidates (similarity > δ), in phase-B order. */
  readonly hits: readonly MemoryHit[];
  /** The `<lshml-memories>` block phase B would inject (greedy pick), or null. */
  readonly block: string | null;
  /** Why there is or is no block: no candidates, best similarity below τ, or injected. */
  readonly reason: "no-candidates" | "below-tau" | "injected";
  readonly bestSimilarity: number | null;
}

/** One bin of a histogram: `[from, to)` (the last bin includes `to`). */
export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** The memory at a glance. */
export interface MemoryStats {
  readonly count: number;
  /** `memory.maxEntries`, when known. */
  readonly maxEntries: number | null;
  readonly meanQ: number | null;
  /** Distribution of Q. */
  readonly qHistogram: readonly HistogramBin[];
  /** Injections over all memories. */
  readonly totalSelected: number;
}

/** How the memories page orders the list. */
export type MemorySort = "q" | "uses" | "recent";

/** The episodic memory of one home, as the dashboard uses it. */
export interface MemoryView {
  list(options: { readonly sort: MemorySort; readonly limit: number }): Promise<MemoryItem[]>;
  /** What a prompt like `query` would recall (at most `limit`), and what would be injected. */
  search(query: string, limit: number): Promise<MemorySearch>;
  stats(): Promise<MemoryStats>;
  /** Removes one memory from the file; false when there was none with that id. */
  forget(id: string): Promise<boolean>;
  /**
   * The `<lshml-memories>` block the plugin would inject for this memory alone, recalled by a
   * prompt like its own intent (similarity 1).
   */
  injection(item: MemoryItem): string;
}

/** Opens the memory of a home, or says why there is none to show. */
export type MemoryOpener = (
  home: string,
) => Promise<MemoryView | { readonly unavailable: string }>;

/** Q bins of the histogram: −1 … 1 in steps of 0.2 (Q is a running mean of rewards in [−1, 1]). */
export const Q_BINS: readonly number[] = [-1, -0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1];

/**
 * Counts values into the bins given by their edges; values outside go to the first or last bin.
 *
 * @example
 * ```ts
 * histogram([0.1, 0.5, 0.55], [0, 0.5, 1]); // [{from: 0, to: 0.5, count: 1}, {from: 0.5, to: 1, count: 2}]
 * ```
 */
export function histogram(values: readonly number[], edges: readonly number[]): HistogramBin[] {
  const bins = edges.slice(0, -1).map((from, i) => ({
    from,
    to: edges[i + 1] as number,
    count: 0,
  }));
  for (const value of values) {
    if (!Number.isFinite(value) || bins.length === 0) continue;
    let at = bins.findIndex((b) => value < b.to);
    if (at < 0) at = bins.length - 1;
    (bins[at] as { count: number }).count++;
  }
  return bins;
}
