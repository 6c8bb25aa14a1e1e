import { join } from "node:path";
import { ClusterRegistry, ClusterRegistryFile } from "../cluster/mod.ts";
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
import { EngineStateFile } from "../state/mod.ts";
import {
  commitTransaction,
  dataFilePath,
  readVersioned,
  recoverTransaction,
  type Recovery,
  withLock,
} from "../store/mod.ts";
import type { Embedder } from "../embed/mod.ts";
import { newReport, type ScanReport, type SourceReport, summarise } from "./scan_report.ts";
import { mergeSemantically } from "./semantic_merges.ts";

/** Occurrences after which a cluster that shows up again is "recurring". */
export const RECURRING_MIN_COUNT = 3;

/** What a scan needs. */
export interface ScanOptions {
  readonly home: string;
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
  readonly lockTimeoutMs?: number;
}

/** The lock every writer of the engine's files (scan, cycle) holds. */
export function engineLockPath(home: string): string {
  return join(home, "memory", ".engine.lock");
}

/** The journal of the engine's multi-file commits. */
export function engineJournalPath(home: string): string {
  return join(home, "memory", ".engine.journal.json");
}

interface Pass {
  readonly registry: ClusterRegistry;
  readonly extractor: TranscriptExtractor;
  readonly options: ScanOptions;
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
 * One scan: reads what every source gained since the last scan, extracts
 * signals, clusters the failures (secrets redacted before anything is kept),
 * flags clusters that keep coming back, and commits the cluster registry and
 * the source cursors together (see `commitTransaction`), so each event is
 * counted exactly once even if the process dies mid-scan.
 *
 * Holds the engine lock throughout; a leftover journal from a crashed scan or
 * cycle is finished first.
 */
export async function runScan(
  options: ScanOptions,
): Promise<{ report: ScanReport; signals: number }> {
  const { home, now } = options;
  return await withLock(engineLockPath(home), async () => {
    const recovery: Recovery = await recoverTransaction(engineJournalPath(home), now);
    const statePath = dataFilePath(home, "state");
    const registryPath = dataFilePath(home, "clusterRegistry");
    const state =
      (await readVersioned(statePath, EngineStateFile, { now, holdingLock: true })).value;
    const registryDoc = await readVersioned(registryPath, ClusterRegistryFile, {
      now,
      holdingLock: true,
    });
    const started = now();
    const pass: Pass = {
      registry: ClusterRegistry.fromDocument(registryDoc.value),
      extractor: new TranscriptExtractor(),
      options,
      report: newReport(),
      touched: new Map(),
    };
    const cursors = { ...state.scan.cursors };
    for (const [i, reader] of options.readers.entries()) {
      const { source, cursor } = await readSource(pass, reader, cursors[reader.id]);
      if (cursor) cursors[reader.id] = cursor;
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
    const recurring = recurringSignals(pass, now());
    for (const signal of recurring) {
      pass.report.count(signal, undefined);
      options.onSignal?.(signal);
    }
    const finished = now();
    const nextState = {
      ...state,
      scan: { seq: state.scan.seq + 1, lastAt: finished.toISOString(), cursors },
    };
    await commitTransaction(engineJournalPath(home), [
      {
        kind: "write",
        path: registryPath,
        content: `${JSON.stringify(pass.registry.toDocument())}\n`,
      },
      { kind: "write", path: statePath, content: `${JSON.stringify(nextState, null, 2)}\n` },
    ]);
    const report = summarise(pass.report, {
      seq: nextState.scan.seq,
      startedAt: started,
      finishedAt: finished,
      registry: pass.registry,
      touched: pass.touched,
      merged: merges,
      recovery,
    });
    return { report, signals: report.signals.total };
  }, { timeoutMs: options.lockTimeoutMs ?? 30_000, purpose: "scan" });
}
