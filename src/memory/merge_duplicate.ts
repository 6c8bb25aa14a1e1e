import type { MemoryOrigin } from "./memory_record.ts";

/** The parts of a memory a near-duplicate merge combines; times in ms since the epoch. */
export interface MergeSide {
  readonly experience: string;
  readonly q: number;
  readonly visits: number;
  readonly selectedCount: number;
  readonly successCount: number;
  readonly failureCount: number;
  readonly lastReward: number | null;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  readonly origin: MemoryOrigin;
}

/** The merged values, written onto the stored memory (which keeps its id, intent and vector). */
export interface MergedFields {
  readonly experience: string;
  readonly q: number;
  readonly visits: number;
  readonly selectedCount: number;
  readonly successCount: number;
  readonly failureCount: number;
  readonly lastReward: number | null;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  readonly origin: MemoryOrigin;
  /** True when the incoming experience text (and its Q) replaced the stored one. */
  readonly tookIncomingText: boolean;
}

/**
 * Merges a new memory into a stored near-duplicate (same space, intent cosine ≥ the merge
 * threshold). One memory remains: the stored one's id, intent and vector. Its experience text is
 * the better-valued of the two — the incoming one only if its Q is strictly higher (a new memory
 * enters with qInit, so it replaces a stored strategy only when that one has earned a Q below
 * it, i.e. failed) — and Q stays with the text it was learned for. With `refines` (the incoming
 * memory records a success of a task that used the stored one) the incoming text wins and the
 * stored Q stays: the Q was earned by that very success, and the text says what worked, where
 * the stored one may only have said what to avoid. Counts add up (they describe
 * the shared intent's history); createdAt is the earlier, lastUsedAt the later, lastReward the
 * incoming one when it has any; a local copy makes the result local.
 *
 * @example
 * ```ts
 * const merged = mergeDuplicate(stored, incoming);
 * merged.tookIncomingText; // true only when incoming.q > stored.q
 * mergeDuplicate(stored, incoming, { refines: true }).tookIncomingText; // true, Q of stored
 * ```
 */
export function mergeDuplicate(
  stored: MergeSide,
  incoming: MergeSide,
  options: { readonly refines?: boolean } = {},
): MergedFields {
  const refines = options.refines === true;
  const tookIncomingText = refines || incoming.q > stored.q;
  const lastUsed = [stored.lastUsedAt, incoming.lastUsedAt].filter((t) => t !== null);
  return {
    experience: tookIncomingText ? incoming.experience : stored.experience,
    q: tookIncomingText && !refines ? incoming.q : stored.q,
    visits: stored.visits + incoming.visits,
    selectedCount: stored.selectedCount + incoming.selectedCount,
    successCount: stored.successCount + incoming.successCount,
    failureCount: stored.failureCount + incoming.failureCount,
    lastReward: incoming.lastReward ?? stored.lastReward,
    createdAt: Math.min(stored.createdAt, incoming.createdAt),
    lastUsedAt: lastUsed.length === 0 ? null : Math.max(...lastUsed),
    origin: stored.origin === "local" || incoming.origin === "local" ? "local" : "remote",
    tookIncomingText,
  };
}
