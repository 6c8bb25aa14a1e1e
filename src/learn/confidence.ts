/** Weight of the prior in {@link posteriorMean}: as strong as two observed outcomes. */
export const PRIOR_STRENGTH = 2;

/** The prior mean when nothing else is known: a fix is as likely to hold as not. */
export const NEUTRAL_PRIOR = 0.5;

/**
 * Posterior mean of a success probability under a Beta prior (Bayesian estimate of "this fix
 * holds"): (s + m·p) / (s + f + m), where s and f are the (possibly similarity-weighted)
 * successes and failures, p the prior mean and m the prior's weight in pseudo-observations.
 * With the defaults p = 0.5 and m = 2 it is Laplace's rule of succession, the mean of the
 * Beta(s + 1, f + 1) posterior. It moves with every outcome and depends on nothing else — in
 * particular not on time: lessons never decay.
 *
 * @throws {RangeError} when a count is negative or not finite, p is outside [0, 1] or m ≤ 0.
 * @example
 * ```ts
 * posteriorMean(0, 0); // 0.5
 * posteriorMean(2, 0); // 0.75
 * posteriorMean(0, 1, { prior: 0.8 }); // (0 + 1.6) / 3 ≈ 0.533
 * ```
 */
export function posteriorMean(
  successes: number,
  failures: number,
  options: { readonly prior?: number; readonly strength?: number } = {},
): number {
  const prior = options.prior ?? NEUTRAL_PRIOR;
  const strength = options.strength ?? PRIOR_STRENGTH;
  if (!(successes >= 0) || !(failures >= 0) || !Number.isFinite(successes + failures)) {
    throw new RangeError(`outcome counts must be finite and >= 0, got ${successes}, ${failures}`);
  }
  if (!(prior >= 0 && prior <= 1)) throw new RangeError(`prior must be in [0, 1], got ${prior}`);
  if (!(strength > 0)) throw new RangeError(`prior strength must be > 0, got ${strength}`);
  return (successes + strength * prior) / (successes + failures + strength);
}
