/**
 * The hub's storage, behind one interface with two implementations: `node:sqlite` (a file; the
 * default) and PostgreSQL (a connection URL; for several hub processes or machines).
 *
 * Consistency between hub processes rests on one counter, `version`, kept in the database:
 * every ingest transaction first increments it (which serialises ingests: SQLite's write lock,
 * PostgreSQL's row lock on the counter) and stamps the rows it inserts with the new value.
 * Versions therefore commit in order, so the rows any process can see always form a prefix
 * `version ≤ v`, and a process that has loaded everything up to v only needs `rowsSince(v)` to
 * catch up. Feedback changes Q and counters with single atomic UPDATEs and no version: search
 * reads Q from the table, never from a cache.
 *
 * @module
 */

/** A memory's vector as the index needs it (no text). */
export interface IndexRow {
  readonly id: string;
  readonly space: string;
  /** Unit vector, float32. */
  readonly embedding: Float32Array;
  /** The version of the ingest that created it. */
  readonly version: number;
}

/** What a search returns of a memory besides its vector. */
export interface MemoryRecord {
  readonly id: string;
  readonly space: string;
  readonly intent: string;
  readonly experience: string;
  /** The shared Q, in [−1, 1]. */
  readonly q: number;
  /** Feedback events received. */
  readonly uses: number;
  /** The contributor's request key id. */
  readonly contributor: string;
}

/** A new memory, ready to insert. */
export interface NewMemory {
  readonly id: string;
  readonly space: string;
  readonly dims: number;
  readonly intent: string;
  readonly experience: string;
  readonly embedding: Float32Array;
  readonly q: number;
  readonly contributor: string;
  readonly createdMs: number;
}

/** A contributor's standing, for the leaderboard. */
export interface ContributorStats {
  readonly requestKeyId: string;
  /** Memories stored under this key. */
  readonly memories: number;
  /** Ingested triplets that were near-duplicates of an existing memory. */
  readonly merged: number;
  /** Feedback events other keys gave on this key's memories. */
  readonly uses: number;
  /** Of those, the ones with a positive reward. */
  readonly helpful: number;
  /** Sum of the rewards other keys gave on this key's memories. */
  readonly rewardSum: number;
}

/** The operations of one ingest transaction (see the module doc). */
export interface HubWrite {
  /** The version this transaction commits as; rows it inserts carry it. */
  readonly version: number;
  /** Rows committed after `version` (all of them: this transaction holds the ingest lock). */
  rowsSince(version: number): Promise<IndexRow[]>;
  /** Memories stored under `requestKeyId`. */
  memoriesOf(requestKeyId: string): Promise<number>;
  /** Memories in the whole hub. */
  totalMemories(): Promise<number>;
  /** Inserts memories and counts them for their contributor and the hub. */
  insert(rows: readonly NewMemory[]): Promise<void>;
  /** Records that `by` submitted a near-duplicate of memory `id`. */
  merge(id: string, by: string): Promise<void>;
}

/** What a feedback update changed. */
export interface FeedbackApplied {
  /** Memories whose Q moved. */
  readonly updated: number;
}

/** The hub's database. Every method may be called concurrently. */
export interface HubStore {
  /** Which back end. */
  readonly kind: "sqlite" | "postgres";
  /** Where the data lives, with any password removed (for logs and health). */
  readonly location: string;
  /** Stores a new client; `keyHash` is the SHA-256 of its bearer key, hex. */
  addClient(client: { requestKeyId: string; keyHash: string; createdMs: number }): Promise<void>;
  /** The request key id whose key hashes to `keyHash`, if any. */
  clientByKeyHash(keyHash: string): Promise<string | undefined>;
  /** The last committed ingest version. */
  version(): Promise<number>;
  /** Rows with a version above `version`, in version order. */
  rowsSince(version: number): Promise<IndexRow[]>;
  /** The stored records of these ids (unknown ids are skipped; order is not kept). */
  records(ids: readonly string[]): Promise<MemoryRecord[]>;
  /** Runs one ingest transaction; serialised across every process sharing the database. */
  ingest<T>(work: (tx: HubWrite) => Promise<T>): Promise<T>;
  /**
   * Applies one reward to each memory: Q ← Q + α(r − Q), uses + 1, atomically per row; and
   * credits each memory's contributor unless it is `from` itself.
   */
  feedback(
    input: { ids: readonly string[]; reward: number; alpha: number; from: string },
  ): Promise<FeedbackApplied>;
  /** Contributors by score (rewards received + 0.1 per stored memory), best first. */
  leaderboard(limit: number): Promise<ContributorStats[]>;
  /** Memories and clients in the hub. */
  counts(): Promise<{ memories: number; clients: number }>;
  /** Closes connections. */
  close(): Promise<void>;
}

/**
 * The leaderboard score: the rewards other agents gave a contributor's memories, plus a small
 * credit per stored memory so that a new contributor appears before anyone has used its work.
 */
export const MEMORY_CREDIT = 0.1;
