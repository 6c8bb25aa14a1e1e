import { stat } from "node:fs/promises";
import { StoreCorruptError, withLock } from "../store/mod.ts";
import type { MemoryState } from "./_memory_state.ts";
import { appendLog, encodeOps, type Op, readLogTail } from "./_op_log.ts";
import { readSnapshot, removeStaleFiles, writeSnapshot } from "./_snapshot_io.ts";
import type { StorePaths } from "./_store_paths.ts";

/** How the store persists; see `MemoryConfig` for the compaction knobs. */
export interface MemoryStoreOptions {
  readonly kernel: "auto" | "js";
  readonly now: () => Date;
  readonly lockTimeoutMs: number;
  readonly compactMinLogBytes: number;
  readonly compactLogRatio: number;
  readonly autoCompact: boolean;
}

/** A full load gives up after this many attempts that raced a compaction. */
const LOAD_ATTEMPTS = 8;
/**
 * Compaction is also due past max(1000, n/50) log lines, whatever their bytes: every line is
 * parsed and validated when a process opens the store, and small learning steps (~180 bytes)
 * would otherwise pile up by the ten thousand under the byte threshold. 1000 lines replay in
 * about 15 ms in a fresh process.
 */
const MIN_LOG_OPS = 1000;
const LOG_OPS_PER_MEMORY = 0.02;

/** Identity of the metadata file: a compaction (an atomic rename) always changes it. */
async function signature(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}

/**
 * The persistence of one home's episodic memory: the in-RAM state plus where it stands in the
 * files (snapshot generation, identity of the metadata file, offset in the log).
 *
 * - Reads take no lock. {@link MemoryStore.refresh} notices another process's work by the
 *   metadata file's identity (a compaction replaced it: reload) and the log's size (new
 *   operations: read and apply only those).
 * - Every write holds the store's cross-process lock, catches up first, decides on the
 *   current state, appends its operations in one fsynced write and applies them. Nothing is
 *   acknowledged before its fsync, and a failed write reloads the truth from disk.
 * - Compaction writes a new snapshot generation (sidecar, empty log, then the metadata by
 *   atomic rename: the commit point) and deletes the previous generation's files.
 */
export class MemoryStore {
  #state!: MemoryState;
  #generation = 0;
  #signature = "";
  #logOffset = 0;
  #snapshotBytes = 0;
  #invalidOps = 0;
  #logOps = 0;

  readonly paths: StorePaths;
  readonly options: MemoryStoreOptions;

  private constructor(paths: StorePaths, options: MemoryStoreOptions) {
    this.paths = paths;
    this.options = options;
  }

  /** Loads the store of `paths` (an absent store is an empty one). */
  static async open(paths: StorePaths, options: MemoryStoreOptions): Promise<MemoryStore> {
    const store = new MemoryStore(paths, options);
    await store.#load(false);
    return store;
  }

  get state(): MemoryState {
    return this.#state;
  }

  /** Snapshot generation, log bytes and lines, snapshot bytes, skipped lines (`stats()`). */
  get files() {
    return {
      generation: this.#generation,
      logBytes: this.#logOffset,
      snapshotBytes: this.#snapshotBytes,
      invalidOps: this.#invalidOps,
      logOps: this.#logOps,
    };
  }

  /** Whether the log has grown past the compaction threshold (in bytes or in lines). */
  compactionDue(extraBytes = 0, extraOps = 0): boolean {
    const { compactMinLogBytes, compactLogRatio } = this.options;
    const limit = Math.max(compactMinLogBytes, this.#snapshotBytes * compactLogRatio);
    const maxOps = Math.max(MIN_LOG_OPS, LOG_OPS_PER_MEMORY * this.#state.size);
    return this.#logOffset + extraBytes > limit || this.#logOps + extraOps > maxOps;
  }

  /** Re-reads everything from disk. */
  async reload(): Promise<void> {
    await this.#load(false);
  }

  /** Catches up with other processes' writes; true when anything changed. */
  async refresh(): Promise<boolean> {
    return await this.#catchUp(false);
  }

  /**
   * Runs `decide` under the lock on the caught-up state. Each operation it emits is applied at
   * once (so later decisions see it) and all are made durable together when it returns.
   */
  async write<T>(decide: (emit: (op: Op) => void) => T | Promise<T>): Promise<T> {
    return await this.#locked(async () => {
      await this.#catchUp(true);
      const ops: Op[] = [];
      let result: T;
      try {
        result = await decide((op) => {
          this.#state.apply(op);
          ops.push(op);
        });
        if (ops.length > 0) await this.#persist(ops);
      } catch (error) {
        await this.#load(true); // the state may hold operations that never reached the disk
        throw error;
      }
      if (this.options.autoCompact && this.compactionDue()) await this.#compact();
      return result;
    });
  }

  /**
   * Runs `change` under the lock, letting it change the state in any way (re-embedding moves
   * every vector), then writes a new snapshot. On failure the state is reloaded from disk.
   */
  async rewrite<T>(change: (state: MemoryState) => T | Promise<T>): Promise<T> {
    return await this.#locked(async () => {
      await this.#catchUp(true);
      try {
        const result = await change(this.#state);
        await this.#compact();
        return result;
      } catch (error) {
        await this.#load(true);
        throw error;
      }
    }, "episodic memory re-embedding");
  }

  /** Writes a new snapshot now and drops the log; false when there was nothing to fold in. */
  async compact(): Promise<boolean> {
    return await this.#locked(async () => {
      await this.#catchUp(true);
      if (this.#logOffset === 0 && this.#signature !== "missing") return false;
      await this.#compact();
      return true;
    }, "episodic memory compaction");
  }

  async #persist(ops: readonly Op[]): Promise<void> {
    const payload = encodeOps(ops);
    // A batch larger than the compaction threshold goes straight into a snapshot.
    if (this.compactionDue(payload.length, ops.length)) return await this.#compact();
    const log = this.paths.log(this.#generation);
    this.#logOffset = await appendLog(log, this.#logOffset, payload, this.options.now());
    this.#logOps += ops.length;
  }

  async #compact(): Promise<void> {
    const next = this.#generation + 1;
    this.#snapshotBytes = await writeSnapshot(this.paths, this.#state, next, this.options.now());
    this.#generation = next;
    this.#logOffset = 0;
    this.#logOps = 0;
    this.#signature = await signature(this.paths.meta);
    await removeStaleFiles(this.paths, next);
  }

  async #catchUp(holdingLock: boolean): Promise<boolean> {
    if ((await signature(this.paths.meta)) !== this.#signature) {
      await this.#load(holdingLock);
      return true;
    }
    const tail = await readLogTail(this.paths.log(this.#generation), this.#logOffset);
    if (tail.missing && this.#logOffset > 0) {
      await this.#load(holdingLock); // compacted away under us: the metadata changes next
      return true;
    }
    for (const op of tail.ops) this.#state.apply(op);
    this.#invalidOps += tail.invalid;
    this.#logOffset = tail.endOffset;
    this.#logOps += tail.ops.length;
    return tail.ops.length > 0;
  }

  async #load(holdingLock: boolean): Promise<void> {
    const { kernel, now } = this.options;
    for (let attempt = 0; attempt < LOAD_ATTEMPTS; attempt++) {
      const before = await signature(this.paths.meta);
      const snapshot = await readSnapshot(this.paths, { kernel, now, holdingLock });
      if (snapshot === "retry") {
        if ((await signature(this.paths.meta)) === before) throw this.#missingSidecar();
        continue; // compacted meanwhile: read the new generation
      }
      const { tail } = snapshot;
      if ((await signature(this.paths.meta)) !== before) continue; // compacted meanwhile
      for (const op of tail.ops) snapshot.state.apply(op);
      this.#state = snapshot.state;
      this.#generation = snapshot.generation;
      this.#signature = before;
      this.#logOffset = tail.endOffset;
      this.#snapshotBytes = snapshot.bytes;
      this.#invalidOps = tail.invalid;
      this.#logOps = tail.ops.length;
      return;
    }
    throw new Error(`${this.paths.meta} kept changing while it was read (${LOAD_ATTEMPTS} tries)`);
  }

  #missingSidecar(): StoreCorruptError {
    return new StoreCorruptError(
      this.paths.meta,
      "its sidecar (episodic-memory.sidecar.<generation>.bin) is missing. " +
        "Restore it from a backup to recover the vectors and texts",
    );
  }

  async #locked<T>(fn: () => Promise<T>, purpose?: string): Promise<T> {
    const options = purpose === undefined
      ? { timeoutMs: this.options.lockTimeoutMs }
      : { timeoutMs: this.options.lockTimeoutMs, purpose, now: this.options.now };
    return await withLock(this.paths.lock, fn, options);
  }
}
