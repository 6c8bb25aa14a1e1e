import { cosine } from "../../src/embed/mod.ts";
import type {
  MemoryCandidate,
  MemoryPort,
  NewMemory,
  RankOptions,
  RankOutcome,
  RecallOptions,
} from "../../src/agent/mod.ts";

/** One stored memory of the fake. */
export interface FakeEntry {
  id: string;
  intent: string;
  experience: string;
  vector: Float32Array;
  q: number;
  selectedCount: number;
}

/**
 * A FAKE episodic memory for the agent tests: an in-memory stand-in for `src/memory` that
 * implements MemoryPort with simple formulas (recall: cosine ≥ delta, top k1; rank: (1−λ)·sim +
 * λ·Q, ε-greedy, top k2, injected when the best similarity ≥ tau; Q ← Q + α(r − Q); merge at
 * cosine ≥ 0.97). It records every call so tests can check what the host asked for.
 */
export class FakeMemory implements MemoryPort {
  readonly entries: FakeEntry[] = [];
  readonly calls: { method: string; args: unknown[] }[] = [];
  readonly alpha: number;
  #next = 1;

  constructor(alpha = 0.3) {
    this.alpha = alpha;
  }

  /** Seeds a memory directly (not through the host). */
  seed(entry: Omit<FakeEntry, "id" | "selectedCount" | "q"> & { id?: string; q?: number }) {
    const id = entry.id ?? `m${this.#next++}`;
    this.entries.push({ ...entry, id, q: entry.q ?? 0, selectedCount: 0 });
    return id;
  }

  get(id: string): FakeEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  recall(vector: Float32Array, options: RecallOptions): MemoryCandidate[] {
    this.calls.push({ method: "recall", args: [options] });
    return this.entries
      .map((e) => ({ e, similarity: cosine(vector, e.vector) }))
      .filter((x) => x.similarity > options.delta)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, options.k1)
      .map(({ e, similarity }) => ({
        id: e.id,
        similarity,
        experience: e.experience,
        intent: e.intent,
        q: e.q,
      }));
  }

  rank(candidates: readonly MemoryCandidate[], options: RankOptions): RankOutcome {
    this.calls.push({ method: "rank", args: [options] });
    const best = Math.max(...candidates.map((c) => c.similarity));
    const score = (c: MemoryCandidate) =>
      (1 - options.lambda) * c.similarity + options.lambda * (c.q ?? 0);
    const sorted = [...candidates].sort((a, b) => score(b) - score(a));
    if (options.rng() < options.epsilon && sorted.length > 1) sorted.reverse();
    return { selected: sorted.slice(0, options.k2), injected: best >= options.tau };
  }

  updateQ(ids: readonly string[], reward: number): void {
    this.calls.push({ method: "updateQ", args: [[...ids], reward] });
    for (const id of ids) {
      const e = this.get(id);
      if (e) e.q = e.q + this.alpha * (reward - e.q);
    }
  }

  markSelected(ids: readonly string[]): void {
    this.calls.push({ method: "markSelected", args: [[...ids]] });
    for (const id of ids) {
      const e = this.get(id);
      if (e) e.selectedCount++;
    }
  }

  add(memory: NewMemory): { id: string; merged: boolean } {
    this.calls.push({ method: "add", args: [memory] });
    const twin = this.entries.find((e) => cosine(e.vector, memory.vector) >= 0.97);
    if (twin) {
      twin.experience = memory.experience;
      return { id: twin.id, merged: true };
    }
    const id = `m${this.#next++}`;
    this.entries.push({
      id,
      intent: memory.intent,
      experience: memory.experience,
      vector: memory.vector,
      q: 0,
      selectedCount: 0,
    });
    return { id, merged: false };
  }

  stats(): { count: number } {
    return { count: this.entries.length };
  }

  /** The calls of one method, in order. */
  callsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
}
