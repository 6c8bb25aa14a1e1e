import { NEUTRAL_PRIOR, posteriorMean, PRIOR_STRENGTH } from "./confidence.ts";
import { matchGene } from "../gep/mod.ts";
import { geneStats, knowledgeEntry } from "./knowledge.ts";
import type { KnowledgeBase } from "./knowledge_file.ts";
import { type GenePrediction, predict } from "./predictor.ts";
import type { Predictor } from "./predictor_file.ts";
import { rankReasons } from "./_rank_reasons.ts";

/** What an evolution cycle is for (DESIGN §6.5 step 3). */
export type Intent = "repair" | "optimize" | "innovate";

/** The cluster to fix. */
export interface RankCluster {
  readonly id: string;
  /** The cluster's template; keyword entries of `signals_match` are looked up in it. */
  readonly template: string;
  /** Occurrences per signal type. */
  readonly signalTypes: Readonly<Record<string, number>>;
  /** Unit vector of the template; without it the predictor does not vote. */
  readonly vector?: Float32Array;
  /** Space of `vector` (default the predictor's). */
  readonly space?: string;
}

/**
 * The part of a gene ranking needs. Matching follows `matchGene` (src/gep): an entry that is a
 * signal type matches that type among the cluster's signals; any other entry is a lowercase
 * keyword looked up in the template.
 */
export interface GeneCandidate {
  readonly id: string;
  readonly category: Intent;
  readonly signals_match: readonly string[];
}

/** Input of {@link rankGenes}. */
export interface RankGenesInput {
  readonly cluster: RankCluster;
  readonly genes: readonly GeneCandidate[];
  readonly intent?: Intent;
  readonly kb: KnowledgeBase;
  readonly predictor: Predictor;
  /** Built-in prior mean per gene id (default {@link NEUTRAL_PRIOR}). */
  readonly priors?: Readonly<Record<string, number>>;
}

/** One ranked gene, with the evidence behind its score. */
export interface RankedGene {
  readonly geneId: string;
  /** Estimated probability that the gene fixes the cluster, after penalties; in [0, 1]. */
  readonly score: number;
  readonly parts: {
    /** Confidence on this cluster from the knowledge base; null when never judged here. */
    readonly kb: number | null;
    /** The predictor's probability from similar clusters; null without a vote. */
    readonly predictor: number | null;
    /** 1 when the gene matches the cluster's signals, else {@link NO_MATCH_FACTOR}. */
    readonly match: number;
    /** How many of its signals_match entries the cluster matched (ties go to the larger). */
    readonly matched: number;
    /** Cold-start prior: the gene on the other clusters, around its built-in prior. */
    readonly prior: number;
  };
  /** This gene's record on this cluster. */
  readonly here: { readonly applied: number; readonly proven: number; readonly failed: number };
  readonly reasons: string[];
}

/**
 * Weight W of one outcome on this very cluster, in neighbour-votes: 5 = k, so one proof here
 * weighs as much as a full neighbourhood at similarity 1 — it is the same error, not a similar one.
 */
export const DIRECT_WEIGHT = 5;
/** Prior weight M in pseudo-outcomes: the prior fades after two real outcomes. */
export const BASE_STRENGTH = PRIOR_STRENGTH;
/** A gene whose signals_match misses the cluster keeps a fifth of its prior: an alternative. */
export const NO_MATCH_FACTOR = 0.2;
/** A gene of another category than the cycle's intent: a mild nudge, evidence outweighs it. */
export const INTENT_MISMATCH_FACTOR = 0.8;
/**
 * A gene that failed here more often than it held is scaled by 0.1, below untried genes (unless
 * those failed on several very similar clusters): exploring beats repeating a known failure.
 */
export const FAILED_HERE_FACTOR = 0.1;

/**
 * Ranks genes for a cluster (DESIGN §6.5 step 4) by one Bayesian estimate of "this gene fixes
 * this cluster", a Beta posterior mean whose pseudo-counts come from three levels of evidence:
 *
 *   b      = prior · match · intent        prior = (P′ + 2·p₀) / (P′ + F′ + 2)
 *   score  = (W·P + S⁺ + M·b) / (W·(P + F) + S⁺ + S⁻ + M) · (F > P ? φ : 1)
 *
 * P, F: proven/failed on this cluster (knowledge base); S⁺, S⁻: summed similarity of the k nearest
 * other clusters' examples where the gene held/failed (predictor); P′, F′: the gene's outcomes on
 * the remaining clusters (its aggregate minus the two levels above, so nothing counts twice);
 * p₀: built-in prior (0.5); W = {@link DIRECT_WEIGHT}, M = {@link BASE_STRENGTH},
 * φ = {@link FAILED_HERE_FACTOR}; match 1 or {@link NO_MATCH_FACTOR}; intent 1 or
 * {@link INTENT_MISMATCH_FACTOR}. Cold start (no history) leaves score = b: signals_match and
 * built-in priors decide. Nothing depends on time. Sorted by score, then gene id.
 *
 * @throws {RangeError} when a built-in prior is outside [0, 1].
 * @example
 * ```ts
 * const ranked = rankGenes({ cluster, genes, intent: "repair", kb, predictor });
 * ranked[0].reasons; // ["proven 2× on this cluster", "matches missing_resource", …]
 * ```
 */
export function rankGenes(input: RankGenesInput): RankedGene[] {
  const { cluster, genes } = input;
  const votes = new Map<string, GenePrediction>();
  if (cluster.vector !== undefined) {
    const options = {
      candidates: genes.map((g) => g.id),
      excludeCluster: cluster.id,
      ...(cluster.space === undefined ? {} : { space: cluster.space }),
    };
    for (const p of predict(input.predictor, cluster.vector, options)) votes.set(p.geneId, p);
  }
  // Ties (a cold start, where every matching gene has its prior) go to the gene whose
  // signals_match names more of what the cluster says — the more specific strategy — and
  // then to the one listed first: the library lists the safest default first (the sort is
  // stable).
  return genes.map((gene) => _rankOne(gene, votes.get(gene.id), input)).sort((a, b) =>
    b.score - a.score || b.parts.matched - a.parts.matched
  );
}

function _rankOne(
  gene: GeneCandidate,
  vote: GenePrediction | undefined,
  input: RankGenesInput,
): RankedGene {
  const { cluster, kb } = input;
  const entry = knowledgeEntry(kb, cluster.id, gene.id);
  const here = {
    applied: entry?.applied ?? 0,
    proven: entry?.proven ?? 0,
    failed: entry?.failed ?? 0,
  };
  const near = _neighbourEvidence(vote);
  // The three levels of evidence are disjoint: this cluster, its voting neighbours, the rest.
  const stats = geneStats(kb, gene.id);
  const elsewhere = {
    proven: Math.max(0, (stats?.proven ?? 0) - here.proven - near.proven),
    failed: Math.max(0, (stats?.failed ?? 0) - here.failed - near.failed),
  };
  const priors = input.priors ?? {};
  const p0 = Object.hasOwn(priors, gene.id) ? priors[gene.id] ?? NEUTRAL_PRIOR : NEUTRAL_PRIOR;
  const prior = posteriorMean(elsewhere.proven, elsewhere.failed, { prior: p0 });
  const { types, keywords } = matchGene({ signals_match: [...gene.signals_match] }, {
    signals: Object.keys(cluster.signalTypes).filter((t) => (cluster.signalTypes[t] ?? 0) > 0),
    text: cluster.template,
  });
  const matched = [...types, ...keywords];
  const match = matched.length > 0 ? 1 : NO_MATCH_FACTOR;
  const offIntent = input.intent !== undefined && gene.category !== input.intent;
  const base = prior * match * (offIntent ? INTENT_MISMATCH_FACTOR : 1);
  const posterior = (DIRECT_WEIGHT * here.proven + near.plus + BASE_STRENGTH * base) /
    (DIRECT_WEIGHT * (here.proven + here.failed) + near.plus + near.minus + BASE_STRENGTH);
  const score = posterior * (here.failed > here.proven ? FAILED_HERE_FACTOR : 1);
  const reasons = rankReasons({
    here,
    elsewhere,
    prior,
    p0,
    matched,
    cluster,
    vote,
    offIntent: offIntent ? { category: gene.category, intent: input.intent ?? "" } : undefined,
  });
  return {
    geneId: gene.id,
    score,
    parts: {
      kb: entry !== undefined && entry.proven + entry.failed > 0 ? entry.confidence : null,
      predictor: vote !== undefined && vote.support > 0 ? vote.probability : null,
      match,
      matched: matched.length,
      prior,
    },
    here,
    reasons,
  };
}

/** S⁺ and S⁻ (summed similarities) and the number of proven and failed neighbours. */
function _neighbourEvidence(vote: GenePrediction | undefined) {
  const near = { plus: 0, minus: 0, proven: 0, failed: 0 };
  for (const n of vote?.neighbours ?? []) {
    if (n.outcome === "proven") {
      near.plus += n.similarity;
      near.proven++;
    } else {
      near.minus += n.similarity;
      near.failed++;
    }
  }
  return near;
}
