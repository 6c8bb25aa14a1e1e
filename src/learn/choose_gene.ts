import type { RankedGene } from "./rank_genes.ts";
import type { Rng } from "./rng.ts";

/** Exploration rate ε, the config's `retrieval.epsilon` default (DESIGN §5). */
export const DEFAULT_EPSILON = 0.1;

/** What {@link chooseGene} picked. */
export interface GeneChoice {
  readonly gene: RankedGene;
  /** Its index in the ranking (0 = top). */
  readonly rank: number;
  /** True when the pick was an exploration draw. */
  readonly explored: boolean;
}

/**
 * ε-greedy choice over a ranking: the top gene with probability 1 − ε; otherwise a uniform pick
 * among the other genes that match the cluster's signals and did not fail on it more often than
 * they held (all other genes when none qualify). The first draw decides whether to explore, the
 * second (only when exploring) which gene, so a recorded seed replays the same choice.
 *
 * @throws {RangeError} when the ranking is empty or ε is outside [0, 1].
 * @example
 * ```ts
 * const { gene, explored } = chooseGene(rankGenes(input), createRng(seed), { epsilon: 0.1 });
 * ```
 */
export function chooseGene(
  ranked: readonly RankedGene[],
  rng: Rng,
  options: { readonly epsilon?: number } = {},
): GeneChoice {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  if (!(epsilon >= 0 && epsilon <= 1)) {
    throw new RangeError(`epsilon must be in [0, 1], got ${epsilon}`);
  }
  const top = ranked[0];
  if (top === undefined) throw new RangeError("cannot choose a gene from an empty ranking");
  if (ranked.length === 1 || rng() >= epsilon) return { gene: top, rank: 0, explored: false };
  const others = ranked.map((gene, rank) => ({ gene, rank })).slice(1);
  const worthTrying = others.filter(({ gene }) =>
    gene.parts.match === 1 && gene.here.failed <= gene.here.proven
  );
  const pool = worthTrying.length > 0 ? worthTrying : others;
  const pick = pool[Math.min(pool.length - 1, Math.floor(rng() * pool.length))]!;
  return { ...pick, explored: true };
}
