import type { Rng } from "../learn/mod.ts";
import { zScores } from "./z_scores.ts";

/** What phase B needs of a candidate: phase A's similarity and the memory's learned Q. */
export interface RankInput {
  readonly id: string;
  /** Cosine similarity to the query, in the query's embedding space. */
  readonly similarity: number;
  readonly q: number;
}

/** Options of {@link rank}; the config's `retrieval.*` (DESIGN §5 defaults in brackets). */
export interface RankOptions {
  /** How many memories to inject at most [3]. */
  readonly k2: number;
  /** λ ∈ [0, 1], the weight of z(Q) against z(similarity) [0.5]. */
  readonly lambda: number;
  /** ε ∈ [0, 1], the exploration rate of the ε-greedy pick [0.1]. */
  readonly epsilon: number;
  /** Inject only when the best similarity reaches τ [0.85]. */
  readonly tau: number;
  /** Seeded randomness (`createRng(seed)`), so a recorded seed replays the same picks. */
  readonly rng: Rng;
}

/** A candidate with its phase-B score. */
export interface RankedCandidate<T extends RankInput> {
  readonly candidate: T;
  readonly zSimilarity: number;
  readonly zQ: number;
  /** (1 − λ)·z(similarity) + λ·z(Q). */
  readonly score: number;
}

/** A selected candidate, and whether an exploration draw chose it. */
export interface PickedCandidate<T extends RankInput> extends RankedCandidate<T> {
  readonly explored: boolean;
}

/** What {@link rank} decided, with everything a log line or a replay needs. */
export interface RankResult<T extends RankInput> {
  /** Every candidate, best score first (ties keep input order). */
  readonly ranked: readonly RankedCandidate<T>[];
  /** What to inject: at most k2, in pick order; empty unless `injected`. */
  readonly selected: readonly PickedCandidate<T>[];
  readonly injected: boolean;
  /** Why: nothing to rank, the best similarity is below τ, or memories were injected. */
  readonly reason: "no-candidates" | "below-tau" | "injected";
  /** Highest similarity among the candidates (`null` when there are none). */
  readonly bestSimilarity: number | null;
  /** How many picks were exploration draws. */
  readonly explored: number;
}

function checkOptions(options: RankOptions): void {
  const { k2, lambda, epsilon } = options;
  if (!Number.isInteger(k2) || k2 < 0) throw new RangeError(`k2 must be an integer ≥ 0, got ${k2}`);
  if (!(lambda >= 0 && lambda <= 1)) {
    throw new RangeError(`lambda must be in [0, 1], got ${lambda}`);
  }
  if (!(epsilon >= 0 && epsilon <= 1)) {
    throw new RangeError(`epsilon must be in [0, 1], got ${epsilon}`);
  }
}

/**
 * MemRL phase B (Zhang et al. 2026, §3.2): re-rank phase A's candidates by
 *
 *   score = (1 − λ) · z(similarity) + λ · z(Q)
 *
 * with z-scores over the candidates (see `zScores`: one candidate, or equal values, give z = 0),
 * then pick up to k2 ε-greedily: for each slot one draw u = rng(); if u < ε an exploration draw
 * picks uniformly among the remaining candidates other than the best-scored one, else the
 * best-scored remaining candidate is taken (a slot with one candidate left, or ε = 0, takes it
 * without a draw). Nothing is injected — and no draw is made — unless the best similarity is ≥ τ, the
 * seed's guard against injecting memories that are merely the least unrelated.
 *
 * @throws {RangeError} when k2, λ or ε is out of range.
 * @example
 * ```ts
 * const { selected, injected } = rank(recalled.candidates, {
 *   k2: 3, lambda: 0.5, epsilon: 0.1, tau: 0.85, rng: createRng(seed),
 * });
 * ```
 */
export function rank<T extends RankInput>(
  candidates: readonly T[],
  options: RankOptions,
): RankResult<T> {
  checkOptions(options);
  const zSim = zScores(candidates.map((c) => c.similarity));
  const zQ = zScores(candidates.map((c) => c.q));
  const { lambda } = options;
  const ranked = candidates
    .map((candidate, i): RankedCandidate<T> => {
      const zs = zSim[i] ?? 0, zq = zQ[i] ?? 0;
      return { candidate, zSimilarity: zs, zQ: zq, score: (1 - lambda) * zs + lambda * zq };
    })
    .sort((a, b) => b.score - a.score);
  if (candidates.length === 0) {
    const reason = "no-candidates";
    return { ranked, selected: [], injected: false, reason, bestSimilarity: null, explored: 0 };
  }
  const bestSimilarity = Math.max(...candidates.map((c) => c.similarity));
  if (!(bestSimilarity >= options.tau)) {
    return {
      ranked,
      selected: [],
      injected: false,
      reason: "below-tau",
      bestSimilarity,
      explored: 0,
    };
  }
  const selected = pickEpsilonGreedy(ranked, options);
  return {
    ranked,
    selected,
    injected: selected.length > 0,
    reason: "injected",
    bestSimilarity,
    explored: selected.filter((p) => p.explored).length,
  };
}

function pickEpsilonGreedy<T extends RankInput>(
  ranked: readonly RankedCandidate<T>[],
  { k2, epsilon, rng }: RankOptions,
): PickedCandidate<T>[] {
  const remaining = [...ranked];
  const picks: PickedCandidate<T>[] = [];
  while (picks.length < k2 && remaining.length > 0) {
    if (remaining.length > 1 && epsilon > 0 && rng() < epsilon) {
      const at = 1 + Math.min(remaining.length - 2, Math.floor(rng() * (remaining.length - 1)));
      picks.push({ ...remaining.splice(at, 1)[0]!, explored: true });
    } else {
      picks.push({ ...remaining.shift()!, explored: false });
    }
  }
  return picks;
}
