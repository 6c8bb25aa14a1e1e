/**
 * MemRL's utility update for one memory (Zhang et al. 2026, arXiv 2601.03192, §3; a one-step
 * bandit form of Q-learning, the config's `learning.gamma` = 0):
 *
 *   Q ← Q + α · (r − Q),   r clamped to [−1, 1]
 *
 * With α ∈ (0, 1] the new Q is a convex combination of the old Q and r, so Q stays in [−1, 1]
 * without any clamping of its own; clamping r (a configured `rewardSuccess` of 2 saturates at
 * 1) keeps Q on the fixed scale that retention and the dashboard's histogram assume. Phase B
 * z-scores Q over the candidates, so the scale itself does not bias ranking.
 *
 * @throws {RangeError} when α is outside (0, 1] or a value is not finite.
 * @example
 * ```ts
 * qUpdate(0, 1, 0.3); // 0.3
 * qUpdate(0.3, -1, 0.3); // 0.3 + 0.3 · (−1 − 0.3) = −0.09
 * ```
 */
export function qUpdate(q: number, reward: number, alpha: number): number {
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`alpha must be in (0, 1], got ${alpha}`);
  if (!Number.isFinite(q) || !Number.isFinite(reward)) {
    throw new RangeError(`Q and reward must be finite numbers, got ${q} and ${reward}`);
  }
  const r = clampReward(reward);
  return Math.max(-1, Math.min(1, q + alpha * (r - q)));
}

/** A reward as the update uses it: clamped to [−1, 1]. */
export function clampReward(reward: number): number {
  return Math.max(-1, Math.min(1, reward));
}
