import { type RetentionInput, retentionValue } from "./retention.ts";

/** A memory as eviction sees it: its retention inputs, its id and its insertion order. */
export interface EvictionCandidate extends RetentionInput {
  readonly id: string;
  /** Insertion order (larger = newer); unique within a store. */
  readonly ordinal: number;
}

/** Options of {@link selectEvictions}. */
export interface EvictionOptions {
  /** Now, in milliseconds since the epoch. */
  readonly now: number;
  readonly maxEntries: number;
  /** Share of maxEntries reserved for fresh memories (config `freshQuota`, 0.1). */
  readonly freshQuota: number;
}

/** Whether a memory has not had its chance yet: never selected into a prompt, never rewarded. */
export function isFresh(memory: RetentionInput): boolean {
  return memory.selectedCount === 0 && memory.visits === 0;
}

/** F = ⌈freshQuota · maxEntries⌉, the size of the fresh quota. */
export function freshQuotaSize(options: EvictionOptions): number {
  return Math.ceil(options.freshQuota * options.maxEntries);
}

/**
 * Whether the fresh quota protects a memory: it is fresh (see {@link isFresh}) and among the
 * last F memories added (`newest` is the largest ordinal in the store). Every new memory so
 * gets a grace period of F additions to be selected or rewarded; once used it competes on
 * value, and one never used in that time had its chance. At most F memories are protected.
 */
export function isProtected(memory: EvictionCandidate, newest: number, quota: number): boolean {
  return memory.ordinal > newest - quota && isFresh(memory);
}

/**
 * Chooses `count` memories to evict: among those the fresh quota does not protect (see
 * {@link isProtected}), the lowest {@link retentionValue} first (ties: the older first) —
 * without it a new memory, worth 0.55 with Q = 0, would lose to any proven one before it was
 * ever tried. Only if that is not enough do protected memories go, oldest first, so the limit
 * always holds. One pass to find the newest ordinal, one to value the rest: O(n) for one
 * eviction (no pairwise comparison), O(n log n) for many.
 *
 * @example
 * ```ts
 * const ids = selectEvictions(all, all.length - 200, { now, maxEntries: 200, freshQuota: 0.1 });
 * ```
 */
export function selectEvictions(
  memories: Iterable<EvictionCandidate>,
  count: number,
  options: EvictionOptions,
): string[] {
  if (count <= 0) return [];
  const ranked = lowestValued(memories, count, options);
  if (ranked.open.length >= count) return ranked.open.slice(0, count).map((m) => m.id);
  const chosen = ranked.open.map((m) => m.id);
  ranked.protected.sort((a, b) => a.ordinal - b.ordinal);
  return chosen.concat(ranked.protected.slice(0, count - chosen.length).map((m) => m.id));
}

/**
 * The `count` lowest-valued unprotected memories, lowest first, and the protected ones. Shared
 * by {@link selectEvictions} and the store's eviction queue.
 */
export function lowestValued<T extends EvictionCandidate>(
  memories: Iterable<T>,
  count: number,
  options: EvictionOptions,
): { open: T[]; protected: T[] } {
  let newest = -Infinity;
  for (const memory of memories) if (memory.ordinal > newest) newest = memory.ordinal;
  const quota = freshQuotaSize(options);
  const open: { memory: T; value: number }[] = [];
  const kept: T[] = [];
  for (const memory of memories) {
    if (isProtected(memory, newest, quota)) kept.push(memory);
    else open.push({ memory, value: retentionValue(memory, options.now) });
  }
  const order = (a: { memory: T; value: number }, b: { memory: T; value: number }) =>
    a.value - b.value || a.memory.ordinal - b.memory.ordinal;
  if (count === 1 && open.length > 0) {
    let best = open[0]!;
    for (const o of open) if (order(o, best) < 0) best = o;
    return { open: [best.memory], protected: kept };
  }
  open.sort(order);
  return { open: open.slice(0, count).map((o) => o.memory), protected: kept };
}
