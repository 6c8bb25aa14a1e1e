import type { Embedder } from "../embed/mod.ts";
import type { MemoryConfig } from "./memory_config.ts";
import type { MemoryOrigin, MemoryRecord } from "./memory_record.ts";
import type { RankInput } from "./rank.ts";

/**
 * The option and result types of `EpisodicMemory` (episodic_memory.ts), kept apart so that the
 * class file stays readable.
 *
 * @module
 */

/** Options of `EpisodicMemory.open`. */
export interface EpisodicMemoryOptions {
  /**
   * The configured embedder. With the plain local embedder the memory fits its corpus
   * statistics on the stored intents (see `config.fitStatistics`); `EpisodicMemory.embedder`
   * is then the fitted one, and queries must be embedded with it.
   */
  readonly embedder: Embedder;
  readonly now?: () => Date;
  readonly config?: Partial<MemoryConfig>;
  /** How long a write waits for another process's write, in ms (default 10 000). */
  readonly lockTimeoutMs?: number;
  /** Coarse-pass kernel: WebAssembly SIMD when available ("auto"), or plain JavaScript ("js"). */
  readonly kernel?: "auto" | "js";
}

/** Options of phase A (`EpisodicMemory.recall`); config `retrieval.*` defaults. */
export interface RecallOptions {
  /** Only memories with similarity > δ are candidates [0.15]. */
  readonly delta?: number;
  /** At most k1 candidates [5]. */
  readonly k1?: number;
  /** Space of the query vector; default the memory's current space. */
  readonly space?: string;
  /** Rank by similarity · support prior (default true; see `supportPrior`). */
  readonly prior?: boolean;
  /** Score every memory exactly instead of preselecting by sketch (benchmarks). */
  readonly exact?: boolean;
}

/** A phase-A candidate: the memory, its similarity to the query and its ranking score. */
export interface RecallCandidate extends RankInput {
  readonly score: number;
  readonly memory: MemoryRecord;
}

/** What phase A found. */
export interface RecallResult {
  /** The space searched (the query's). */
  readonly space: string;
  /** Best score first: at most k1, each with similarity > δ. */
  readonly candidates: readonly RecallCandidate[];
  /** Memories in that space (all were considered). */
  readonly searched: number;
  /** Memories in other spaces, never compared with the query. */
  readonly otherSpaces: number;
}

/** A memory to write. Its vector is optional: without one the intent is embedded here. */
export interface AddInput {
  readonly intent: string;
  readonly experience: string;
  /** The intent's vector from `EpisodicMemory.embedder`. */
  readonly vector?: Float32Array;
  /** The vector's space; default the memory's space when `add` was called. */
  readonly space?: string;
  /** Initial Q; default `config.qInit`. */
  readonly q?: number;
  readonly origin?: MemoryOrigin;
  /** Keep this id (imports); default a new random id. */
  readonly id?: string;
  /**
   * Ids of the memories this one was learned with: those used in the task whose success it
   * records. Merged into one of them as a near-duplicate, its text replaces the stored one (the
   * strategy that worked, learned with the stored hint), which keeps the Q it just earned.
   */
  readonly refines?: readonly string[];
}

/** What `EpisodicMemory.updateQ` changed. */
export interface UpdateQResult {
  readonly updated: readonly {
    readonly id: string;
    readonly before: number;
    readonly after: number;
  }[];
  /** Ids that are no longer stored (forgotten or evicted meanwhile). */
  readonly missing: readonly string[];
}

/** Sort orders of `EpisodicMemory.list`. */
export type ListSort = "recent" | "created" | "q" | "used" | "value";

/** What `EpisodicMemory.importAll` did. */
export interface ImportResult {
  readonly imported: number;
  readonly merged: number;
  /** Already stored (same id). */
  readonly skipped: number;
  readonly evicted: number;
  /** Records that are not memories: index in the input and why. */
  readonly invalid: readonly { readonly index: number; readonly reason: string }[];
}

/** What `EpisodicMemory.maintain` did. */
export interface MaintenanceResult {
  readonly refitted: boolean;
  readonly reembedded: number;
  readonly compacted: boolean;
  readonly space: string;
}

/** Progress of a long embedding run: texts done, texts in all. */
export type Progress = (done: number, total: number) => void;

/**
 * What happened to one memory handed to `add`. `merged` repeats whether it went into an
 * existing memory, for callers that only need that (the agent path's memory port).
 */
export type AddResult =
  /** Stored under `id`; `evicted` are the memories retention removed to make room. */
  | {
    readonly action: "added";
    readonly id: string;
    readonly merged: false;
    readonly evicted: readonly string[];
  }
  /**
   * Merged into the stored near-duplicate `id` (intent cosine `similarity` ≥ the threshold);
   * `tookIncomingText` when the new experience text replaced the stored one.
   */
  | {
    readonly action: "merged";
    readonly id: string;
    readonly merged: true;
    readonly similarity: number;
    readonly tookIncomingText: boolean;
  }
  /** A memory with this id is already stored (re-importing an export): nothing changed. */
  | { readonly action: "skipped"; readonly id: string; readonly merged: false }
  /** At the limit with no fresh quota, the new memory was the least valuable: not stored. */
  | { readonly action: "dropped"; readonly id: string; readonly merged: false };
