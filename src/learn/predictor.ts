import { dot, normalizeInPlace } from "../embed/mod.ts";
import { encodeVector, vectorOf } from "./_vector_codec.ts";
import type { Predictor, PredictorExample } from "./predictor_file.ts";

/** What a new example is made of: the stored fields, with the vector as numbers. */
export interface ExampleInput extends Omit<PredictorExample, "vector"> {
  readonly vector: Float32Array;
}

/**
 * A stored example from a vector: scaled to unit length (so `dot` is cosine similarity) and
 * base64-encoded.
 *
 * @throws {RangeError} when the vector is empty or not finite.
 */
export function predictorExample(input: ExampleInput): PredictorExample {
  const vector = normalizeInPlace(Float32Array.from(input.vector));
  if (vector.length === 0 || !vector.every(Number.isFinite)) {
    throw new RangeError(`example ${input.id} has an empty or non-finite vector`);
  }
  return { ...input, vector: encodeVector(vector) };
}

/**
 * Adds a training example and returns a new predictor (pure). An earlier example with the same id
 * — the same fix, e.g. its proof now reversed into a failure — is removed and the new one appended,
 * so the result depends only on the sequence of calls. The first example sets the predictor's
 * space.
 *
 * @throws {RangeError} when the example's space differs from the predictor's: re-embed first
 * (see `reembed`), spaces are never mixed.
 */
export function addExample(predictor: Predictor, example: PredictorExample): Predictor {
  const space = predictor.space ?? example.space;
  if (example.space !== space) {
    throw new RangeError(
      `example ${example.id} is in space ${example.space}, the predictor in ${space}: re-embed first`,
    );
  }
  const examples = predictor.examples.filter((e) => e.id !== example.id);
  examples.push(example);
  return { ...predictor, space, examples };
}

/** A past example that voted. */
export interface Neighbour {
  readonly clusterId: string;
  readonly geneId: string;
  readonly outcome: "proven" | "failed";
  /** Cosine similarity to the query, in (0, 1]. */
  readonly similarity: number;
}

/** One gene as {@link predict} sees it. */
export interface GenePrediction {
  readonly geneId: string;
  /** Estimated probability that the gene fixes the queried cluster, in (0, 1). */
  readonly probability: number;
  /** Neighbours that voted for or against the gene. */
  readonly support: number;
  readonly neighbours: readonly Neighbour[];
}

/** Options for {@link predict}. */
export interface PredictOptions {
  /** Only these genes are voted on and returned (each, even without a vote). */
  readonly candidates?: readonly string[];
  /** Neighbours that vote (default the predictor's `params.k`). */
  readonly k?: number;
  /** The query's space (default the predictor's); examples of other spaces are ignored. */
  readonly space?: string;
  /** Ignore the examples of this cluster (its own record lives in the knowledge base). */
  readonly excludeCluster?: string;
}

/** Jeffreys prior weight α: one neighbour at similarity 1 moves the estimate to 0.75. */
export const VOTE_PRIOR = 0.5;

/**
 * k-nearest-neighbour vote: which genes fixed clusters like this one. Neighbours are the k past
 * examples most similar to `vector` by cosine (`dot` of unit vectors; the query is normalised
 * here, stored examples already are), among those of the query's
 * space with a candidate gene and similarity > 0. For each gene g, with S⁺ = Σ sim over its
 * proven neighbours and S⁻ = Σ sim over its failed ones:
 *
 *   probability(g) = (S⁺ + α) / (S⁺ + S⁻ + 2α),   α = {@link VOTE_PRIOR}
 *
 * — the posterior mean of a Beta(α, α) prior updated with similarity-weighted outcomes, so it is
 * 0.5 without votes, nears 1 as very similar clusters were fixed by g, and nears 0 as they failed
 * with it. Sorted by probability, then support, then gene id. Cost: one dot per stored example.
 *
 * @example
 * ```ts
 * const [best] = predict(predictor, vector, { candidates: ["gene_retry", "gene_mkdir"] });
 * // best.geneId, best.probability, best.neighbours[0].similarity
 * ```
 */
export function predict(
  predictor: Predictor,
  vector: Float32Array,
  options: PredictOptions = {},
): GenePrediction[] {
  const space = options.space ?? predictor.space;
  const k = options.k ?? predictor.params.k;
  const allowed = options.candidates === undefined ? undefined : new Set(options.candidates);
  const query = normalizeInPlace(Float32Array.from(vector));
  const nearest: { example: PredictorExample; similarity: number }[] = [];
  for (const example of predictor.examples) {
    if (example.space !== space || example.clusterId === options.excludeCluster) continue;
    if (allowed !== undefined && !allowed.has(example.geneId)) continue;
    const similarity = dot(query, vectorOf(example));
    if (similarity > 0) _insertTopK(nearest, { example, similarity }, k);
  }
  return _tally(nearest, options.candidates ?? []);
}

type Scored = { example: PredictorExample; similarity: number };

/** Keeps `top` sorted by similarity (ties: lower id first) and at most k long. */
function _insertTopK(top: Scored[], item: Scored, k: number): void {
  const before = (a: Scored, b: Scored) =>
    a.similarity > b.similarity || (a.similarity === b.similarity && a.example.id < b.example.id);
  if (top.length >= k && !before(item, top[top.length - 1]!)) return;
  let i = top.length;
  while (i > 0 && before(item, top[i - 1]!)) i--;
  top.splice(i, 0, item);
  if (top.length > k) top.pop();
}

function _tally(nearest: readonly Scored[], candidates: readonly string[]): GenePrediction[] {
  const votes = new Map<string, { plus: number; minus: number; neighbours: Neighbour[] }>();
  for (const geneId of candidates) votes.set(geneId, { plus: 0, minus: 0, neighbours: [] });
  for (const { example, similarity } of nearest) {
    const { clusterId, geneId, outcome } = example;
    const vote = votes.get(geneId) ?? { plus: 0, minus: 0, neighbours: [] };
    if (outcome === "proven") vote.plus += similarity;
    else vote.minus += similarity;
    vote.neighbours.push({ clusterId, geneId, outcome, similarity });
    votes.set(geneId, vote);
  }
  const out = [...votes].map(([geneId, v]) => ({
    geneId,
    probability: (v.plus + VOTE_PRIOR) / (v.plus + v.minus + 2 * VOTE_PRIOR),
    support: v.neighbours.length,
    neighbours: v.neighbours,
  }));
  return out.sort((a, b) =>
    b.probability - a.probability || b.support - a.support ||
    (a.geneId < b.geneId ? -1 : a.geneId > b.geneId ? 1 : 0)
  );
}
