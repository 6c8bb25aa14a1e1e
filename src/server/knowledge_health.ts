import type { ClusterView } from "../cluster/mod.ts";
import type { KnowledgeBase } from "../learn/mod.ts";
import { histogram, type HistogramBin } from "./memory_view.ts";

/** One lesson as shown: how a gene did on a cluster. */
export interface Lesson {
  readonly clusterId: string;
  /** The cluster's template, when the registry still has it (untrusted text). */
  readonly template: string | null;
  readonly geneId: string;
  readonly applied: number;
  readonly proven: number;
  readonly failed: number;
  readonly confidence: number;
}

/** How much the knowledge base knows, and how sure it is. */
export interface KnowledgeHealth {
  /** (cluster, gene) pairs with a record. */
  readonly lessons: number;
  /** Lessons with at least one outcome. */
  readonly decided: number;
  readonly genes: number;
  readonly applied: number;
  readonly proven: number;
  readonly failed: number;
  /** Mean confidence of the decided lessons; null before the first outcome. */
  readonly meanConfidence: number | null;
  /** Confidence of the decided lessons in ten bins over 0 … 1. */
  readonly confidence: readonly HistogramBin[];
  /** Recurring clusters (2+ occurrences) and how many of them have a lesson. */
  readonly recurringClusters: number;
  readonly coveredClusters: number;
  /** The surest proven lessons. */
  readonly best: readonly Lesson[];
}

const CONFIDENCE_EDGES = Array.from({ length: 11 }, (_, i) => i / 10);
/** A cluster that occurred this often is one the engine should have learned something about. */
const RECURRING = 2;
const BEST_SHOWN = 5;

/**
 * Summarises the knowledge base: lessons, outcomes, the confidence distribution (the Beta(1,1)
 * posterior mean (proven + 1) / (proven + failed + 2) of each lesson) and how many recurring
 * clusters it covers.
 */
export function knowledgeHealth(
  kb: KnowledgeBase,
  clusters: readonly ClusterView[],
): KnowledgeHealth {
  const templates = new Map(clusters.map((c) => [c.id, c.template]));
  const entries = Object.values(kb.entries).flatMap((byGene) => Object.values(byGene));
  const decided = entries.filter((e) => e.proven + e.failed > 0);
  const sum = (pick: (e: (typeof entries)[number]) => number) =>
    entries.reduce((n, e) => n + pick(e), 0);
  const covered = new Set(Object.keys(kb.entries));
  const recurring = clusters.filter((c) => c.count >= RECURRING);
  const best = decided
    .filter((e) => e.proven > 0)
    .sort((a, b) => b.confidence - a.confidence || b.proven - a.proven)
    .slice(0, BEST_SHOWN)
    .map((e): Lesson => ({
      clusterId: e.clusterId,
      template: templates.get(e.clusterId) ?? null,
      geneId: e.geneId,
      applied: e.applied,
      proven: e.proven,
      failed: e.failed,
      confidence: e.confidence,
    }));
  return {
    lessons: entries.length,
    decided: decided.length,
    genes: Object.keys(kb.genes).length,
    applied: sum((e) => e.applied),
    proven: sum((e) => e.proven),
    failed: sum((e) => e.failed),
    meanConfidence: decided.length === 0
      ? null
      : decided.reduce((n, e) => n + e.confidence, 0) / decided.length,
    confidence: histogram(decided.map((e) => e.confidence), CONFIDENCE_EDGES),
    recurringClusters: recurring.length,
    coveredClusters: recurring.filter((c) => covered.has(c.id)).length,
    best,
  };
}
