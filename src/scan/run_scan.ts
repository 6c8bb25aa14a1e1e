import { join } from "node:path";
import { ClusterRegistryFile } from "../cluster/mod.ts";
import { EngineStateFile } from "../state/mod.ts";
import {
  commitTransaction,
  dataFilePath,
  readVersioned,
  recoverTransaction,
  withLock,
} from "../store/mod.ts";
import type { ScanReport } from "./scan_report.ts";
import { scanPass, type ScanPassOptions } from "./scan_pass.ts";

/** What a scan needs. */
export interface ScanOptions extends ScanPassOptions {
  readonly home: string;
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
    const recovery = await recoverTransaction(engineJournalPath(home), now);
    const statePath = dataFilePath(home, "state");
    const registryPath = dataFilePath(home, "clusterRegistry");
    const read = { now, holdingLock: true };
    const state = (await readVersioned(statePath, EngineStateFile, read)).value;
    const registry = (await readVersioned(registryPath, ClusterRegistryFile, read)).value;
    const pass = await scanPass(registry, state.scan.cursors, options);
    const nextState = {
      ...state,
      scan: { seq: state.scan.seq + 1, lastAt: now().toISOString(), cursors: pass.cursors },
    };
    await commitTransaction(engineJournalPath(home), [
      {
        kind: "write",
        path: registryPath,
        content: `${JSON.stringify(pass.registry.toDocument())}\n`,
      },
      { kind: "write", path: statePath, content: `${JSON.stringify(nextState, null, 2)}\n` },
    ]);
    const report = pass.report(nextState.scan.seq, recovery);
    return { report, signals: report.signals.total };
  }, { timeoutMs: options.lockTimeoutMs ?? 30_000, purpose: "scan" });
}
