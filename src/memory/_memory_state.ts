import type { TermStatistics } from "../embed/mod.ts";
import type { Entry } from "./_entry.ts";
import type { Op, Patch } from "./_op_log.ts";
import { decodeVector } from "./_vector_codec.ts";
import { EvictionQueue } from "./_eviction_queue.ts";
import { VectorIndex } from "./_vector_index.ts";

/** Corpus statistics fitted on the stored intents (local embedder only), and when. */
export interface FittedStatistics {
  readonly statistics: TermStatistics;
  /** How many intents were counted (the statistics' N). */
  readonly documents: number;
}

/**
 * Everything a store holds, in RAM: the memories by id, one vector index per embedding space,
 * the next insertion ordinal, and the fitted statistics. Changes arrive only as operations
 * ({@link MemoryState.apply}), the same ones the log replays, so every process that has read
 * the same log holds the same state.
 */
export class MemoryState {
  readonly entries = new Map<string, Entry>();
  readonly #indexes = new Map<string, VectorIndex>();
  nextOrdinal = 0;
  fitted: FittedStatistics | null = null;
  /** Memories added since the last fit (or since the store began): when to refit. */
  addsSinceFit = 0;
  /** Retention's next candidates (a cache of this state; see `EvictionQueue`). */
  readonly evictions = new EvictionQueue();

  readonly kernel: "auto" | "js";

  constructor(kernel: "auto" | "js" = "auto") {
    this.kernel = kernel;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The index of `space`, if any memory has a vector there. */
  index(space: string): VectorIndex | undefined {
    return this.#indexes.get(space);
  }

  /** Every space with its index. */
  spaces(): IterableIterator<[string, VectorIndex]> {
    return this.#indexes.entries();
  }

  /** Inserts (or replaces) a memory and its vector. */
  insert(entry: Entry, vector: Float32Array): void {
    const previous = this.entries.get(entry.id);
    if (previous !== undefined && previous.space !== entry.space) this.#unindex(previous);
    this.entries.set(entry.id, entry);
    let index = this.#indexes.get(entry.space);
    if (index === undefined) {
      index = new VectorIndex(vector.length, { kernel: this.kernel });
      this.#indexes.set(entry.space, index);
    }
    index.add(entry.id, vector, entry.ordinal);
    this.nextOrdinal = Math.max(this.nextOrdinal, entry.ordinal + 1);
  }

  /**
   * Registers loaded memories whose vectors come next ({@link MemoryState.adoptVectors}): the
   * two halves of loading a snapshot, so the first runs while the sidecar is still being read.
   */
  addLoaded(entries: readonly Entry[]): void {
    for (const entry of entries) {
      this.entries.set(entry.id, entry);
      if (entry.ordinal >= this.nextOrdinal) this.nextOrdinal = entry.ordinal + 1;
    }
  }

  /**
   * Gives the loaded memories of one new space their sidecar sections (vectors kept without
   * copying).
   */
  adoptVectors(
    space: string,
    dims: number,
    entries: readonly Entry[],
    sections: Parameters<VectorIndex["adopt"]>[2],
  ): void {
    if (this.#indexes.has(space)) throw new RangeError(`space ${space} is already loaded`);
    if (entries.length === 0) return;
    const index = new VectorIndex(dims, { kernel: this.kernel });
    index.adopt(entries.map((e) => e.id), entries.map((e) => e.ordinal), sections);
    this.#indexes.set(space, index);
  }

  /** Removes a memory; false when it is not here. */
  delete(id: string): boolean {
    const entry = this.entries.get(id);
    if (entry === undefined) return false;
    this.entries.delete(id);
    this.#unindex(entry);
    return true;
  }

  /** Moves a memory to another space with a new vector (re-embedding). */
  move(id: string, space: string, vector: Float32Array): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.#unindex(entry);
    entry.space = space;
    this.insert(entry, vector);
  }

  /** Applies one logged operation. Unknown ids in a patch or removal are skipped. */
  apply(op: Op): void {
    switch (op.op) {
      case "add":
        this.insert({ ...op.entry }, decodeVector(op.vector));
        for (const id of op.evict) this.delete(id);
        this.addsSinceFit++;
        return;
      case "patch":
        for (const change of op.changes) this.#patch(change);
        return;
      case "remove":
        for (const id of op.ids) this.delete(id);
        return;
    }
  }

  #patch(change: Patch): void {
    const entry = this.entries.get(change.id);
    if (entry === undefined) return;
    const { id: _id, ...fields } = change;
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) (entry as unknown as Record<string, unknown>)[key] = value;
    }
  }

  #unindex(entry: Entry): void {
    const index = this.#indexes.get(entry.space);
    if (index === undefined) return;
    index.remove(entry.id);
    if (index.size === 0) this.#indexes.delete(entry.space);
  }
}
