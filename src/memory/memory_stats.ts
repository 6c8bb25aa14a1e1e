import { type EvictionCandidate, isFresh } from "./select_evictions.ts";

/** Bins of the Q histogram: ten of width 0.2 over [−1, 1]. */
export const Q_HISTOGRAM_BINS = 10;

/** One bin of the Q histogram: from ≤ Q < to (the last bin includes 1). */
export interface QBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** What `stats()` reports: for `lshml memory stats`, the dashboard and `lshml doctor`. */
export interface MemoryStats {
  readonly count: number;
  /** The embedding space recall uses now. */
  readonly space: string;
  /** Memories per embedding space; those outside `space` wait for `reembed()`. */
  readonly spaces: Readonly<Record<string, number>>;
  readonly q: { readonly mean: number | null; readonly histogram: readonly QBin[] };
  /** Memories never selected nor rewarded (the fresh quota protects the newest of them). */
  readonly fresh: number;
  readonly origins: { readonly local: number; readonly remote: number };
  /** Fitted corpus statistics of the local embedder: texts counted, memories added since. */
  readonly statistics: { readonly documents: number; readonly addsSinceFit: number } | null;
  /** Snapshot generation, log and snapshot sizes (bytes), log lines, lines skipped as invalid. */
  readonly files: {
    readonly generation: number;
    readonly logBytes: number;
    readonly logLines: number;
    readonly snapshotBytes: number;
    readonly skippedLogLines: number;
  };
  /** What `maintain()` would do: refit statistics, re-embed N memories, compact the log. */
  readonly due: { readonly refit: boolean; readonly reembed: number; readonly compaction: boolean };
}

/**
 * Counts Q values into {@link Q_HISTOGRAM_BINS} bins of equal width over [−1, 1], with the mean
 * (`null` for no memories).
 *
 * @example
 * ```ts
 * qHistogram([0, 0.5, 1]).histogram[9].count; // 1 (the bin [0.8, 1])
 * ```
 */
export function qHistogram(values: Iterable<number>): MemoryStats["q"] {
  const counts = new Array<number>(Q_HISTOGRAM_BINS).fill(0);
  let sum = 0, n = 0;
  for (const q of values) {
    const bin = Math.min(Q_HISTOGRAM_BINS - 1, Math.floor(((q + 1) / 2) * Q_HISTOGRAM_BINS));
    counts[Math.max(0, bin)]!++;
    sum += q;
    n++;
  }
  const width = 2 / Q_HISTOGRAM_BINS;
  const histogram = counts.map((count, i) => ({
    from: round(-1 + i * width),
    to: round(-1 + (i + 1) * width),
    count,
  }));
  return { mean: n === 0 ? null : sum / n, histogram };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Fresh memories among `memories` (see `isFresh`). */
export function countFresh(memories: Iterable<EvictionCandidate>): number {
  let n = 0;
  for (const memory of memories) if (isFresh(memory)) n++;
  return n;
}
