/** What retention looks at in a memory; times in milliseconds since the epoch. */
export interface RetentionInput {
  readonly q: number;
  readonly visits: number;
  readonly selectedCount: number;
  readonly successCount: number;
  readonly failureCount: number;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
}

/**
 * Weights of the four parts of the value. Q is the utility MemRL learns from feedback, so it
 * weighs most; recency is second because a memory nobody needed for weeks is the cheapest loss;
 * the success rate repeats part of Q's information (hence less), and use counts picks that
 * were not necessarily rewarded (least). They sum to 1, so a value is in [0, 1].
 */
export const RETENTION_WEIGHTS = { q: 0.4, success: 0.2, use: 0.15, recency: 0.25 } as const;
/** Recency halves every 14 days without a selection or reward. */
export const RECENCY_HALF_LIFE_MS = 14 * 24 * 3600 * 1000;
/** Selections at which the use part saturates (ln(1 + n) / ln(1 + 20) reaches 1). */
export const USE_SATURATION = 20;

/**
 * How much a memory is worth keeping, in [0, 1] (the seed's "Q / success / recency /
 * selectedCount" retention):
 *
 *   value = 0.4 · (Q + 1)/2 + 0.2 · s + 0.15 · u + 0.25 · ρ
 *   s = (successes + 1) / (successes + failures + 2)          (Laplace-smoothed success rate)
 *   u = min(1, ln(1 + selectedCount) / ln(21))                (use, saturating at 20 picks)
 *   ρ = 2^(−age / 14 days),  age = now − (lastUsedAt ?? createdAt)   (recency)
 *
 * A new memory (Q = 0, no counts, age 0) is worth 0.2 + 0.1 + 0 + 0.25 = 0.55.
 *
 * @example
 * ```ts
 * retentionValue({ q: 0, visits: 0, selectedCount: 0, successCount: 0, failureCount: 0,
 *   createdAt: now, lastUsedAt: null }, now); // 0.55
 * ```
 */
export function retentionValue(memory: RetentionInput, now: number): number {
  const w = RETENTION_WEIGHTS;
  const success = (memory.successCount + 1) / (memory.successCount + memory.failureCount + 2);
  const use = Math.min(1, Math.log1p(memory.selectedCount) / Math.log1p(USE_SATURATION));
  const age = Math.max(0, now - (memory.lastUsedAt ?? memory.createdAt));
  const recency = Math.pow(2, -age / RECENCY_HALF_LIFE_MS);
  return w.q * (memory.q + 1) / 2 + w.success * success + w.use * use + w.recency * recency;
}
