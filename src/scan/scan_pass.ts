import { ClusterRegistry } from "../cluster/mod.ts";
import type { Embedder } from "../embed/mod.ts";
import { redactSecrets } from "../redact/mod.ts";
import {
  isErrorSignal,
  leadingTime,
  type Signal,
  type SourceCursor,
  type SourceReader,
  textSignals,
  TranscriptExtractor,
} from "../signals/mod.ts";
import type { RegistryDocument } from "../cluster/mod.ts";
import type { Recovery } from "../store/mod.ts";
import { newReport, type ScanReport, type SourceReport, summarise } from "./scan_report.ts";
import { mergeSemantically } from "./semantic_merges.ts";

/** Occurrences after which a cluster that shows up again is "recurring". */
export const RECURRING_MIN_COUNT = 3;

/** What one pass over the sources needs (the caller holds the lock and commits). */
export interface ScanPassOptions {
  readonly readers: readonly SourceReader[];
  readonly now: () => Date;
  /** Called for every signal, in order (e.g. to print them as JSON lines). */
  readonly onSignal?: (signal: Signal) => void;
  /** Called after each source, for a progress display. */
  readonly onProgress?: (done: number, total: number, source: SourceReport) => void;
  /**
   * A semantic embedder (Ollama, OpenAI): when given, new clusters that mean the
   * same as an older one are merged into it (see `mergeSemantically`).
   */
  readonly embedder?: Embedder;
  /** Home directories whose paths are redacted from stored examples. */
  readonly homeDirs?: readonly string[];
}

/** What a pass produced: the updated registry and cursors, to be committed together. */
export interface ScanPass {
  readonly registry: ClusterRegistry;
  readonly cursors: Record<string, SourceCursor>;
  /** Clusters that occurred in this pass, with their number of occurrences. */
  readonly touched: ReadonlyMap<string, number>;
  /** Finishes the report once the pass is committed as scan number `seq`. */
  report(seq: number, recovery: Recovery): ScanReport;
}

interface Pass {
  readonly registry: ClusterRegistry;
  readonly extractor: TranscriptExtractor;
  readonly options: ScanPassOptions;
  readonly report: ReturnType<typeof newReport>;
  readonly touched: Map<string, number>;
}

function record(pass: Pass, signal: Signal, source: SourceReport): void {
  const redact = { homeDirs: pass.options.homeDirs ?? [] };
  // Nothing a signal carries leaves the scan unredacted: not its text, not its excerpt.
  let final: Signal = {
    ...signal,
    text: redactSecrets(signal.text, redact).text,
    excerpt: redactSecrets(signal.excerpt, redact).text,
  };
  if (isErrorSignal(final)) {
    const errorText = redactSecrets(final.errorText, redact).text;
    const time = final.time ? new Date(final.time) : pass.options.now();
    const observed = pass.registry.observe({
      text: errorText,
      time,
      source: final.source.id,
      signalType: final.type,
    });
    pass.touched.set(observed.clusterId, (pass.touched.get(observed.clusterId) ?? 0) + 1);
    if (observed.isNew) pass.report.newClusters.add(observed.clusterId);
    final = { ...final, errorText, clusterId: observed.clusterId };
  }
  pass.report.count(final, source);
  pass.options.onSignal?.(final);
}

async function readSource(
  pass: Pass,
  reader: SourceReader,
  cursor: SourceCursor | undefined,
): Promise<{ source: SourceReport; cursor: SourceCursor | undefined }> {
  const source = pass.report.source(reader);
  const result = await reader.read(cursor, (item) => {
    if (item.kind === "malformed") {
      pass.report.malformed(reader, item.position, item.reason, item.session);
      return;
    }
    if (item.kind === "line") {
      source.lines++;
      const where = { id: reader.label, position: item.position };
      for (const signal of textSignals(item.text, "log", where, leadingTime(item.text))) {
        record(pass, signal, source);
      }
      return;
    }
    source.events++;
    const place = { sourceId: reader.label, session: item.session, position: item.position };
    const extracted = pass.extractor.extract(item.event, place);
    if (!extracted.ok) {
      pass.report.malformed(reader, item.position, extracted.reason, item.session);
      return;
    }
    for (const signal of extracted.signals) record(pass, signal, source);
  });
  source.bytes = result.bytes;
  source.restarted = result.restarted;
  return { source, cursor: result.cursor };
}

function recurringSignals(pass: Pass, now: Date): Signal[] {
  const signals: Signal[] = [];
  for (const [clusterId, seenNow] of pass.touched) {
    const view = pass.registry.get(clusterId, now);
    if (!view || view.count < RECURRING_MIN_COUNT || seenNow === view.count) continue;
    signals.push({
      type: "recurring_error",
      source: { id: view.sources[0] ?? "scan" },
      time: view.lastSeen,
      lang: "other",
      detector: "structure.recurring_cluster",
      text: view.template,
      excerpt: view.template.slice(0, 240),
      clusterId,
      count: view.count,
    });
  }
  return signals;
}

/**
 * Reads what every source gained since `cursors`, extracts signals, clusters the
 * failures (secrets redacted before anything is kept) into a copy of the
 * registry, merges semantically when an embedder is given, and flags clusters
 * that keep coming back. Changes nothing on disk: the caller commits the
 * registry and cursors together, under the engine lock.
 */
export async function scanPass(
  registryDoc: RegistryDocument,
  cursors: Readonly<Record<string, SourceCursor>>,
  options: ScanPassOptions,
): Promise<ScanPass> {
  const { now } = options;
  const started = now();
  const pass: Pass = {
    registry: ClusterRegistry.fromDocument(registryDoc),
    extractor: new TranscriptExtractor(),
    options,
    report: newReport(),
    touched: new Map(),
  };
  const next = { ...cursors };
  for (const [i, reader] of options.readers.entries()) {
    const { source, cursor } = await readSource(pass, reader, next[reader.id]);
    if (cursor) next[reader.id] = cursor;
    options.onProgress?.(i + 1, options.readers.length, source);
  }
  const merges = options.embedder
    ? await mergeSemantically(pass.registry, pass.report.newClusters, options.embedder, now())
    : [];
  for (const merge of merges) {
    pass.report.newClusters.delete(merge.from);
    pass.touched.set(
      merge.into,
      (pass.touched.get(merge.into) ?? 0) + (pass.touched.get(merge.from) ?? 0),
    );
    pass.touched.delete(merge.from);
  }
  for (const signal of recurringSignals(pass, now())) {
    pass.report.count(signal, undefined);
    options.onSignal?.(signal);
  }
  const finished = now();
  return {
    registry: pass.registry,
    cursors: next,
    touched: pass.touched,
    report: (seq, recovery) =>
      summarise(pass.report, {
        seq,
        startedAt: started,
        finishedAt: finished,
        registry: pass.registry,
        touched: pass.touched,
        merged: merges,
        recovery,
      }),
  };
}
