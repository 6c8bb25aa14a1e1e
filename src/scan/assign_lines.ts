import { ClusterRegistry, ClusterRegistryFile } from "../cluster/mod.ts";
import { redactSecrets } from "../redact/mod.ts";
import {
  dataFilePath,
  readVersioned,
  recoverTransaction,
  withLock,
  writeVersioned,
} from "../store/mod.ts";
import { engineJournalPath, engineLockPath } from "./run_scan.ts";

/** One line's cluster, as `lshml clusters assign` prints it. */
export interface Assignment {
  readonly clusterId: string;
  readonly template: string;
  readonly isNew: boolean;
}

/** Reads the cluster registry of a home (a missing file is an empty registry). */
export async function loadClusters(home: string, now: () => Date): Promise<ClusterRegistry> {
  const doc = await readVersioned(dataFilePath(home, "clusterRegistry"), ClusterRegistryFile, {
    now,
  });
  return ClusterRegistry.fromDocument(doc.value);
}

/**
 * Clusters `lines` in order, learning into the home's registry, and returns one
 * assignment per line: the path `lshml clusters assign` and the clustering
 * benchmark take. Lines are redacted before anything is stored; the cluster is
 * decided on the redacted text, exactly as a scan would.
 */
export async function assignLines(
  home: string,
  lines: readonly string[],
  options: { readonly now: () => Date; readonly homeDirs?: readonly string[] },
): Promise<Assignment[]> {
  const { now } = options;
  return await withLock(engineLockPath(home), async () => {
    await recoverTransaction(engineJournalPath(home), now);
    const path = dataFilePath(home, "clusterRegistry");
    const doc = await readVersioned(path, ClusterRegistryFile, { now, holdingLock: true });
    const registry = ClusterRegistry.fromDocument(doc.value);
    const time = now();
    const redact = { homeDirs: options.homeDirs ?? [] };
    const assignments = lines.map((line): Assignment => {
      const text = redactSecrets(line, redact).text;
      // Lines given to `assign` are not signals (they need not be errors): they are
      // counted under their own label rather than classified.
      return registry.observe({ text, time, source: "stdin", signalType: "assigned" });
    });
    await writeVersioned(path, ClusterRegistryFile, registry.toDocument());
    return assignments;
  }, { timeoutMs: 30_000, purpose: "clusters assign" });
}
