import { stat } from "node:fs/promises";
import type { ClusterMatch, KnowledgePort, KnownFix } from "../agent/mod.ts";
import { ClusterRegistry, ClusterRegistryFile } from "../cluster/mod.ts";
import { gepPaths, loadGenes } from "../gep/mod.ts";
import { EngineStateFile } from "../state/mod.ts";
import { dataFilePath, readVersioned } from "../store/mod.ts";

/** Options of {@link homeKnowledge}. */
export interface HomeKnowledgeOptions {
  /** The lshml home directory. */
  readonly home: string;
  readonly now: () => Date;
  /** Told once per distinct problem (a corrupt file, say); healing is then off until it changes. */
  readonly warn: (line: string) => void;
}

interface Snapshot {
  readonly registry: ClusterRegistry;
  /** Cluster id → the fix the feedback loop watches or proved, with its gene. */
  readonly fixes: ReadonlyMap<string, KnownFix>;
}

/** Size and modification time of each file: a cheap "did anything change" test. */
async function fingerprint(paths: readonly string[]): Promise<string> {
  const parts = await Promise.all(paths.map(async (path) => {
    try {
      const info = await stat(path);
      return `${info.size}:${info.mtimeMs}`;
    } catch {
      return "-"; // absent: a fresh home, nothing learned yet
    }
  }));
  return parts.join("|");
}

async function load(home: string, now: () => Date): Promise<Snapshot> {
  const read = { now };
  const [registryDoc, state, genes] = await Promise.all([
    readVersioned(dataFilePath(home, "clusterRegistry"), ClusterRegistryFile, read),
    readVersioned(dataFilePath(home, "state"), EngineStateFile, read),
    loadGenes(home, read),
  ]);
  const registry = ClusterRegistry.fromDocument(registryDoc.value);
  const byId = new Map(genes.map((gene) => [gene.id, gene]));
  const fixes = new Map<string, KnownFix>();
  for (const fix of state.value.evolution.fixes) {
    const gene = byId.get(fix.geneId);
    if (!gene) continue;
    const clusterId = registry.resolve(fix.clusterId) ?? fix.clusterId;
    const known: KnownFix = {
      gene: { id: gene.id, title: gene.title, strategy: gene.strategy },
      status: fix.status,
    };
    // A proven fix outranks one still being watched for the same cluster.
    if (fixes.get(clusterId)?.status !== "proven") fixes.set(clusterId, known);
  }
  return { registry, fixes };
}

/**
 * Live healing's view of a home (DESIGN §6.5 advise mode): which error cluster a line belongs to
 * (the cluster registry's own matcher) and the fix the evolution cycles made active or proved
 * for it (`memory/state.json`'s watched fixes with their genes from `assets/gep/genes.json` and
 * the built-in library). The files are re-read only when their size or time changed, so a
 * cycle run by cron while the agent works is seen on the next hook. Reading never takes a
 * lock: each file is replaced atomically by its writer. A file that cannot be read turns healing
 * off (with one warning) until it changes; the agent goes on.
 *
 * @example
 * ```ts
 * const knowledge = homeKnowledge({ home, now: () => new Date(), warn: log.warn });
 * const match = await knowledge.matchCluster("read: File not found: /tmp/x");
 * const fix = match && await knowledge.fixFor(match.clusterId);
 * ```
 */
export function homeKnowledge(options: HomeKnowledgeOptions): KnowledgePort {
  const paths = [
    dataFilePath(options.home, "clusterRegistry"),
    dataFilePath(options.home, "state"),
    gepPaths(options.home).genes,
  ];
  let current: { key: string; snapshot: Snapshot | undefined } | undefined;

  async function snapshot(): Promise<Snapshot | undefined> {
    const key = await fingerprint(paths);
    if (current?.key === key) return current.snapshot;
    try {
      current = { key, snapshot: await load(options.home, options.now) };
    } catch (error) {
      current = { key, snapshot: undefined };
      options.warn(
        `lshml: live healing is off until this is fixed: ${(error as Error).message}`,
      );
    }
    return current.snapshot;
  }

  return {
    async matchCluster(text): Promise<ClusterMatch | undefined> {
      const known = await snapshot();
      const clusterId = known?.registry.match(text);
      if (!known || clusterId === undefined) return undefined;
      const view = known.registry.get(clusterId, options.now());
      return { clusterId, template: view?.template ?? text };
    },
    async fixFor(clusterId) {
      const known = await snapshot();
      if (!known) return undefined;
      return known.fixes.get(known.registry.resolve(clusterId) ?? clusterId);
    },
  };
}
