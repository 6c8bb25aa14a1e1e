import type { Embedder } from "../embed/mod.ts";
import { embedAll } from "./_embedding_policy.ts";
import type { MemoryState } from "./_memory_state.ts";
import type { MemoryStore } from "./_memory_store.ts";

/** A vector embedded before taking the lock, valid while the memory's intent is unchanged. */
export interface ReadyVector {
  readonly intent: string;
  readonly vector: Float32Array;
}

/**
 * Under the store's lock: runs `prepare` (which may switch the state's fitted statistics, or
 * refuse by returning false), then moves every memory outside `target`'s space into it —
 * with the vector embedded beforehand when its intent is unchanged, else (memories written
 * meanwhile) embedding now — and writes one new snapshot.
 *
 * @returns how many memories moved.
 */
export async function moveToSpace(
  store: MemoryStore,
  target: Embedder,
  ready: ReadonlyMap<string, ReadyVector>,
  prepare: (state: MemoryState) => boolean,
): Promise<number> {
  return await store.rewrite(async (state) => {
    if (!prepare(state)) return 0;
    const stale = [...state.entries.values()].filter((e) => e.space !== target.space);
    const late = stale.filter((e) => ready.get(e.id)?.intent !== e.intent);
    const lateVectors = await embedAll(target, late.map((e) => e.intent));
    const vectors = new Map(late.map((e, i) => [e.id, lateVectors[i]!]));
    for (const e of stale) {
      state.move(e.id, target.space, vectors.get(e.id) ?? ready.get(e.id)!.vector);
    }
    return stale.length;
  });
}
