import type { Rng } from "../learn/mod.ts";

/** A value or a promise of it: a port may be synchronous or not. */
export type Awaitable<T> = T | Promise<T>;

/** The stored text of a memory, when a candidate carries its record beside the score. */
export interface MemoryText {
  readonly experience: string;
  readonly intent?: string;
  readonly q?: number;
}

/**
 * A memory recalled for a prompt (phase A), as the agent path reads it. The experience text is
 * read from the candidate itself, or from the record it carries (`record` or `memory`).
 */
export interface MemoryCandidate {
  readonly id: string;
  /** Cosine similarity of the memory's intent to the prompt. */
  readonly similarity: number;
  /** Its learned utility. */
  readonly q?: number;
  /** The memory's experience text (sanitised when it was written; escaped again on injection). */
  readonly experience?: string;
  readonly intent?: string;
  readonly record?: MemoryText;
  readonly memory?: MemoryText;
  /** `remote` for a memory another agent shared through the team hub (shown as such). */
  readonly origin?: "local" | "remote";
}

/** What phase A returns: the candidates, or an object holding them (with diagnostics). */
export type RecallResult =
  | readonly MemoryCandidate[]
  | { readonly candidates: readonly MemoryCandidate[] };

/** A phase-B pick: the candidate, or a wrapper holding it with its scores. */
export type SelectedMemory = MemoryCandidate | { readonly candidate: MemoryCandidate };

/** Phase A options (`retrieval.delta`, `retrieval.k1`). */
export interface RecallOptions {
  /** Minimum cosine similarity to be a candidate. */
  readonly delta: number;
  /** Candidates kept. */
  readonly k1: number;
}

/** Phase B options (`retrieval.k2`, `lambda`, `epsilon`, `tau`) and the seeded randomness. */
export interface RankOptions {
  readonly k2: number;
  readonly lambda: number;
  readonly epsilon: number;
  readonly tau: number;
  readonly rng: Rng;
}

/** What phase B chose: `selected` is injected only when `injected` (best similarity ≥ tau). */
export interface RankOutcome {
  readonly selected: readonly SelectedMemory[];
  readonly injected: boolean;
}

/** A memory to write: sanitised intent and experience, and the intent's embedding. */
export interface NewMemory {
  readonly intent: string;
  readonly experience: string;
  readonly vector: Float32Array;
  /** The embedding space of `vector`. */
  readonly space: string;
  /**
   * The memories used in the successful task this one records: merged into one of them, this
   * text replaces the stored hint (which keeps its Q).
   */
  readonly refines?: readonly string[];
}

/**
 * What the agent path needs from the episodic memory (MemRL): recall by similarity (phase A),
 * rank by similarity and Q (phase B), the Q update of used memories, and writing new ones. The
 * memory owns the formulas (phase B: (1−λ)·z(sim) + λ·z(Q), ε-greedy, τ gate; Q ← Q + α(r − Q)
 * with `learning.alpha`); the agent path decides when and for which ids. Methods may return
 * promises; phase A and B results may come bare or wrapped (see {@link RecallResult},
 * {@link SelectedMemory}).
 *
 * @example
 * ```ts
 * const memory: MemoryPort = new EpisodicMemory(…); // src/memory
 * const candidates = await memory.recall(vector, { delta: 0.15, k1: 5 });
 * ```
 */
export interface MemoryPort {
  recall(vector: Float32Array, options: RecallOptions): Awaitable<RecallResult>;
  rank(candidates: readonly MemoryCandidate[], options: RankOptions): Awaitable<RankOutcome>;
  /** Q ← Q + α(r − Q) for each id (r in [−1, 1]). */
  updateQ(ids: readonly string[], reward: number): Awaitable<unknown>;
  /** Counts an injection of each id (selectedCount). */
  markSelected(ids: readonly string[]): Awaitable<unknown>;
  /** Writes a memory, or merges it into a near-duplicate (`merged`). */
  add(memory: NewMemory): Awaitable<{ readonly id: string; readonly merged: boolean }>;
  stats(): Awaitable<{ readonly count: number }>;
}
