import { posteriorMean } from "./confidence.ts";
import type { FixOutcome } from "./fix_schemas.ts";
import type { GeneStats, KnowledgeBase, KnowledgeEntry } from "./knowledge_file.ts";

/**
 * The entry for `geneId` on `clusterId`, if the gene was ever applied or judged there.
 *
 * @example
 * ```ts
 * knowledgeEntry(kb, "c0abc", "gene_retry")?.confidence;
 * ```
 */
export function knowledgeEntry(
  kb: KnowledgeBase,
  clusterId: string,
  geneId: string,
): KnowledgeEntry | undefined {
  const cluster = _own(kb.entries, clusterId);
  return cluster === undefined ? undefined : _own(cluster, geneId);
}

/** `record[key]` when it is the record's own property (ids such as "constructor" are data). */
function _own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Records that `geneId` was applied to `clusterId` in `cycle` (applied + 1). Pure: returns a new
 * knowledge base. Confidence is unchanged: applying is not evidence.
 */
export function recordApplied(
  kb: KnowledgeBase,
  fix: { readonly clusterId: string; readonly geneId: string; readonly cycle: number },
  now: Date,
): KnowledgeBase {
  const at = now.toISOString();
  const entry = _entryOrNew(kb, fix.clusterId, fix.geneId, at);
  const next = { ...entry, applied: entry.applied + 1, lastCycle: fix.cycle, updatedAt: at };
  const gene = _geneOrNew(kb, fix.geneId, at);
  const isNew = knowledgeEntry(kb, fix.clusterId, fix.geneId) === undefined;
  return _with(kb, next, {
    ...gene,
    applied: gene.applied + 1,
    clusters: gene.clusters + (isNew ? 1 : 0),
    updatedAt: at,
  });
}

/**
 * Counts one fix outcome, for its (cluster, gene) entry and its gene's aggregate, and returns a
 * new knowledge base (pure). A "failed" that reverses a counted "proven" moves one count from
 * proven to failed. An outcome already counted (same id) changes nothing.
 *
 * Confidence after the update, for the entry and the aggregate alike (Laplace's rule of
 * succession, the Beta(1, 1) posterior mean): (proven + 1) / (proven + failed + 2). It moves with
 * every outcome and never with time; `now` only stamps `updatedAt`.
 *
 * @example
 * ```ts
 * kb = applyOutcome(kb, outcome, new Date());
 * knowledgeEntry(kb, outcome.clusterId, outcome.geneId)?.confidence; // 2/3 after one proof
 * ```
 */
export function applyOutcome(kb: KnowledgeBase, outcome: FixOutcome, now: Date): KnowledgeBase {
  const at = now.toISOString();
  const entry = _entryOrNew(kb, outcome.clusterId, outcome.geneId, at);
  if (entry.outcomeIds.includes(outcome.id)) return kb;
  const reversal = outcome.reverses !== undefined && entry.outcomeIds.includes(outcome.reverses);
  const dProven = outcome.status === "proven" ? 1 : reversal ? -1 : 0;
  const dFailed = outcome.status === "failed" ? 1 : 0;
  const proven = entry.proven + dProven;
  const failed = entry.failed + dFailed;
  const next: KnowledgeEntry = {
    ...entry,
    proven,
    failed,
    confidence: posteriorMean(proven, failed),
    lastOutcome: outcome.status,
    lastCycle: Math.max(entry.lastCycle, outcome.cycle),
    updatedAt: at,
    outcomeIds: [...entry.outcomeIds, outcome.id],
  };
  const gene = _geneOrNew(kb, outcome.geneId, at);
  const isNew = knowledgeEntry(kb, outcome.clusterId, outcome.geneId) === undefined;
  const geneProven = gene.proven + dProven;
  const geneFailed = gene.failed + dFailed;
  return _with(kb, next, {
    ...gene,
    proven: geneProven,
    failed: geneFailed,
    confidence: posteriorMean(geneProven, geneFailed),
    clusters: gene.clusters + (isNew ? 1 : 0),
    updatedAt: at,
  });
}

function _entryOrNew(kb: KnowledgeBase, clusterId: string, geneId: string, at: string) {
  return knowledgeEntry(kb, clusterId, geneId) ?? {
    clusterId,
    geneId,
    applied: 0,
    proven: 0,
    failed: 0,
    confidence: posteriorMean(0, 0),
    lastOutcome: null,
    lastCycle: 0,
    firstSeen: at,
    updatedAt: at,
    outcomeIds: [],
  };
}

function _geneOrNew(kb: KnowledgeBase, geneId: string, at: string): GeneStats {
  return _own(kb.genes, geneId) ?? {
    geneId,
    applied: 0,
    proven: 0,
    failed: 0,
    confidence: posteriorMean(0, 0),
    clusters: 0,
    updatedAt: at,
  };
}

function _with(kb: KnowledgeBase, entry: KnowledgeEntry, gene: GeneStats): KnowledgeBase {
  const cluster = { ...kb.entries[entry.clusterId], [entry.geneId]: entry };
  return {
    ...kb,
    entries: { ...kb.entries, [entry.clusterId]: cluster },
    genes: { ...kb.genes, [gene.geneId]: gene },
  };
}

/** The aggregate of `geneId` over every cluster, if it was ever applied or judged. */
export function geneStats(kb: KnowledgeBase, geneId: string): GeneStats | undefined {
  return _own(kb.genes, geneId);
}
