import type { ClusterRegistry, Trend } from "../cluster/mod.ts";
import type { Signal, SourceReader } from "../signals/mod.ts";
import type { Recovery } from "../store/mod.ts";

/** What one source gave in a scan. */
export interface SourceReport {
  readonly id: string;
  readonly label: string;
  readonly kind: SourceReader["kind"];
  events: number;
  lines: number;
  bytes: number;
  malformed: number;
  signals: number;
  restarted: boolean;
}

/** A cluster as a scan reports it. */
export interface ClusterSummary {
  readonly id: string;
  readonly template: string;
  readonly count: number;
  /** Occurrences in this scan. */
  readonly seenNow: number;
  readonly trend: Trend;
}

/** Everything `lshml scan` says about one scan. */
export interface ScanReport {
  readonly seq: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly sources: readonly SourceReport[];
  readonly signals: {
    readonly total: number;
    readonly byType: Readonly<Record<string, number>>;
    readonly byLang: Readonly<Record<string, number>>;
  };
  readonly clusters: {
    readonly total: number;
    readonly new: readonly ClusterSummary[];
    readonly known: readonly ClusterSummary[];
    /** New clusters folded into an older one that means the same (semantic embedder only). */
    readonly merged: readonly { from: string; into: string; similarity: number }[];
  };
  readonly malformed: {
    readonly total: number;
    /** The first few, for a message a person can act on. */
    readonly examples: readonly {
      source: string;
      position: number;
      session?: string;
      reason: string;
    }[];
  };
  /** A journal left by a crashed scan or cycle, finished before this scan. */
  readonly recovery: Recovery;
}

const MALFORMED_EXAMPLES = 5;

/** Accumulates counts while a scan runs. */
export function newReport() {
  const sources: SourceReport[] = [];
  const byType: Record<string, number> = {};
  const byLang: Record<string, number> = {};
  const malformed: ScanReport["malformed"]["examples"][number][] = [];
  let malformedTotal = 0;
  let total = 0;
  return {
    sources,
    byType,
    byLang,
    malformedExamples: malformed,
    newClusters: new Set<string>(),
    get total() {
      return total;
    },
    get malformedTotal() {
      return malformedTotal;
    },
    source(reader: SourceReader): SourceReport {
      const report: SourceReport = {
        id: reader.id,
        label: reader.label,
        kind: reader.kind,
        events: 0,
        lines: 0,
        bytes: 0,
        malformed: 0,
        signals: 0,
        restarted: false,
      };
      sources.push(report);
      return report;
    },
    count(signal: Signal, source: SourceReport | undefined): void {
      total++;
      byType[signal.type] = (byType[signal.type] ?? 0) + 1;
      byLang[signal.lang] = (byLang[signal.lang] ?? 0) + 1;
      if (source) source.signals++;
    },
    malformed(reader: SourceReader, position: number, reason: string, session?: string): void {
      malformedTotal++;
      const report = sources.find((s) => s.id === reader.id);
      if (report) report.malformed++;
      if (malformed.length < MALFORMED_EXAMPLES) {
        malformed.push({ source: reader.label, position, reason, ...(session ? { session } : {}) });
      }
    },
  };
}

/** The finished report. */
export function summarise(
  acc: ReturnType<typeof newReport>,
  context: {
    seq: number;
    startedAt: Date;
    finishedAt: Date;
    registry: ClusterRegistry;
    touched: ReadonlyMap<string, number>;
    merged: readonly { from: string; into: string; similarity: number }[];
    recovery: Recovery;
  },
): ScanReport {
  const summaries = [...context.touched].map(([id, seenNow]): ClusterSummary => {
    const view = context.registry.get(id, context.finishedAt);
    return {
      id,
      template: view?.template ?? "",
      count: view?.count ?? seenNow,
      seenNow,
      trend: view?.trend ?? "new",
    };
  }).sort((a, b) => b.seenNow - a.seenNow);
  return {
    seq: context.seq,
    startedAt: context.startedAt.toISOString(),
    durationMs: context.finishedAt.getTime() - context.startedAt.getTime(),
    sources: acc.sources,
    signals: { total: acc.total, byType: acc.byType, byLang: acc.byLang },
    clusters: {
      total: context.registry.size,
      new: summaries.filter((c) => acc.newClusters.has(c.id)),
      known: summaries.filter((c) => !acc.newClusters.has(c.id)),
      merged: context.merged,
    },
    malformed: { total: acc.malformedTotal, examples: acc.malformedExamples },
    recovery: context.recovery,
  };
}
