import type { Entry } from "./_entry.ts";
import type { AddResult } from "./episodic_memory_types.ts";
import type { MemoryState } from "./_memory_state.ts";
import type { Op } from "./_op_log.ts";
import { encodeVector } from "./_vector_codec.ts";
import type { MemoryConfig } from "./memory_config.ts";
import type { MemoryOrigin } from "./memory_record.ts";
import { mergeDuplicate } from "./merge_duplicate.ts";

/** A memory about to be written, its vector already in `space`. */
export interface PendingMemory {
  readonly id: string;
  readonly intent: string;
  readonly experience: string;
  readonly space: string;
  readonly vector: Float32Array;
  readonly q: number;
  readonly origin: MemoryOrigin;
  /** Ids of the memories it was learned with (see `AddInput.refines`). */
  readonly refines?: readonly string[];
  /** Counts and times an import carries over (a new memory has none). */
  readonly visits?: number;
  readonly selectedCount?: number;
  readonly successCount?: number;
  readonly failureCount?: number;
  readonly lastReward?: number | null;
  readonly createdAt?: number;
  readonly lastUsedAt?: number | null;
}

/** Slack on the merge threshold for float rounding (the index gates with a strict `>`). */
const THRESHOLD_SLACK = 1e-9;
/**
 * Sketch-preselected rows checked for a near-duplicate: one at cosine ≥ 0.95 has a sketch
 * score near 0.95 while unrelated rows score far lower, so 64 is ample and keeps a write cheap.
 */
const DUPLICATE_POOL = 64;

/**
 * Decides how one memory is written — skip a known id, merge into a near-duplicate, or add and
 * evict by retention — and emits the operation (applied at once, so the next decision of a
 * batch sees it).
 */
export function decideAdd(
  state: MemoryState,
  memory: PendingMemory,
  context: {
    readonly config: MemoryConfig;
    readonly now: number;
    readonly merge: boolean;
    readonly emit: (op: Op) => void;
  },
): AddResult {
  if (state.entries.has(memory.id)) return { action: "skipped", id: memory.id, merged: false };
  const { config, now, emit } = context;
  if (context.merge) {
    const hit = state.index(memory.space)?.search(memory.vector, {
      k: 1,
      above: config.mergeThreshold - THRESHOLD_SLACK,
      prior: false,
      pool: DUPLICATE_POOL,
    })[0];
    const stored = hit === undefined ? undefined : state.entries.get(hit.id);
    if (hit !== undefined && stored !== undefined) {
      const refines = memory.refines?.includes(stored.id) ?? false;
      const { tookIncomingText, ...fields } = mergeDuplicate(stored, incomingSide(memory, now), {
        refines,
      });
      emit({
        op: "patch",
        reason: "merge",
        changes: [{ id: stored.id, ...fields, updatedAt: now }],
      });
      const { similarity } = hit;
      return { action: "merged", id: stored.id, merged: true, similarity, tookIncomingText };
    }
  }
  const entry = newEntry(memory, state.nextOrdinal, now);
  const excess = state.size + 1 - config.maxEntries;
  const evict = excess <= 0 ? [] : state.evictions.take(state.entries, entry, excess, {
    now,
    maxEntries: config.maxEntries,
    freshQuota: config.freshQuota,
  });
  if (evict.includes(entry.id)) return { action: "dropped", id: entry.id, merged: false };
  emit({ op: "add", entry, vector: encodeVector(memory.vector), evict });
  return { action: "added", id: entry.id, merged: false, evicted: evict };
}

function incomingSide(memory: PendingMemory, now: number) {
  return {
    experience: memory.experience,
    q: memory.q,
    visits: memory.visits ?? 0,
    selectedCount: memory.selectedCount ?? 0,
    successCount: memory.successCount ?? 0,
    failureCount: memory.failureCount ?? 0,
    lastReward: memory.lastReward ?? null,
    createdAt: memory.createdAt ?? now,
    lastUsedAt: memory.lastUsedAt ?? null,
    origin: memory.origin,
  };
}

function newEntry(memory: PendingMemory, ordinal: number, now: number): Entry {
  return {
    id: memory.id,
    intent: memory.intent,
    space: memory.space,
    ...incomingSide(memory, now),
    updatedAt: now,
    ordinal,
  };
}
