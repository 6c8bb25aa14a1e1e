import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import process from "node:process";
import { DatabaseSync } from "node:sqlite";
import { type LockHolder, LockTimeoutError } from "./store_errors.ts";

/**
 * Cross-process locks.
 *
 * A lock is a write transaction (`BEGIN IMMEDIATE`) on a small SQLite file next
 * to the data it guards. SQLite uses the operating system's file locks, which
 * the kernel drops the moment the holder dies — so a `kill -9` never leaves a
 * stale lock behind, and no pid or heartbeat guessing is needed. `node:sqlite`
 * is available in Deno 2.9 and Node 24, so the same code serves the CLI, the
 * dashboard and the OpenClaw bridge.
 *
 * Locks are not reentrant: taking the same lock twice in one flow deadlocks
 * until the timeout.
 */

/** Options for {@link acquireLock}, {@link tryLock} and {@link withLock}. */
export interface LockOptions {
  /** How long to wait, in milliseconds. Default 10 000. */
  readonly timeoutMs?: number;
  /** When given, recorded next to the lock so a waiter can say who holds it. */
  readonly purpose?: string;
  readonly now?: () => Date;
}

/** A held lock. Release it exactly once. */
export interface Lock {
  readonly path: string;
  release(): void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** SQLite's SQLITE_BUSY result code. */
const SQLITE_BUSY = 5;
/** Backoff between attempts: short first, since most holds last microseconds. */
const FIRST_WAIT_MS = 1;
const MAX_WAIT_MS = 25;

/** Orders lock requests inside this process; SQLite orders them across processes. */
class LocalMutex {
  #locked = false;
  readonly #waiters: Array<() => void> = [];

  acquire(timeoutMs: number): Promise<boolean> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const at = this.#waiters.indexOf(wake);
        if (at >= 0) this.#waiters.splice(at, 1);
        resolve(false);
      }, timeoutMs);
      this.#waiters.push(wake);
    });
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#locked = false;
  }
}

interface Slot {
  readonly mutex: LocalMutex;
  db: DatabaseSync | undefined;
}

const slots = new Map<string, Slot>();

function slotFor(path: string): Slot {
  let slot = slots.get(path);
  if (!slot) {
    slot = { mutex: new LocalMutex(), db: undefined };
    slots.set(path, slot);
  }
  return slot;
}

function isBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const errcode = (error as { errcode?: unknown }).errcode;
  return errcode === SQLITE_BUSY || /database is locked|SQLITE_BUSY/i.test(error.message);
}

function tryBegin(slot: Slot, path: string): boolean {
  if (!slot.db) {
    mkdirSync(dirname(path), { recursive: true });
    slot.db = new DatabaseSync(path, { timeout: 0 });
  }
  try {
    slot.db.exec("BEGIN IMMEDIATE");
    return true;
  } catch (error) {
    if (isBusy(error)) return false;
    throw new Error(`cannot lock ${path}: ${(error as Error).message}`, { cause: error });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function holderPath(lockPath: string): string {
  return `${lockPath}.holder`;
}

/** Who holds `lockPath`, if the holder recorded itself (see {@link LockOptions.purpose}). */
export function readLockHolder(lockPath: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(holderPath(lockPath), "utf8")) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number" || typeof parsed.purpose !== "string") return undefined;
    return { pid: parsed.pid, purpose: parsed.purpose, since: String(parsed.since) };
  } catch {
    // No record, or one being rewritten right now: the holder is simply unknown.
    return undefined;
  }
}

function makeLock(slot: Slot, path: string, options: LockOptions): Lock {
  if (options.purpose) {
    const since = (options.now ?? (() => new Date()))().toISOString();
    const holder: LockHolder = { pid: process.pid, purpose: options.purpose, since };
    writeFileSync(holderPath(path), JSON.stringify(holder));
  }
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      try {
        // ROLLBACK, not COMMIT: nothing was written, and committing the first
        // transaction of a new, empty file would write its header and need an
        // exclusive lock that a waiting process may be blocking.
        slot.db?.exec("ROLLBACK");
      } finally {
        slot.mutex.release();
      }
    },
  };
}

async function acquire(
  lockPath: string,
  options: LockOptions,
  timeoutMs: number,
): Promise<Lock | undefined> {
  const start = Date.now();
  const slot = slotFor(lockPath);
  if (!(await slot.mutex.acquire(timeoutMs))) return undefined;
  let wait = FIRST_WAIT_MS;
  try {
    while (!tryBegin(slot, lockPath)) {
      if (Date.now() - start >= timeoutMs) {
        slot.mutex.release();
        return undefined;
      }
      await sleep(wait * (0.5 + Math.random()));
      wait = Math.min(MAX_WAIT_MS, wait * 1.5);
    }
  } catch (error) {
    slot.mutex.release();
    throw error;
  }
  return makeLock(slot, lockPath, options);
}

/**
 * Takes the lock at `lockPath`, waiting up to `timeoutMs`.
 *
 * @throws {LockTimeoutError} when another holder keeps it longer than that.
 */
export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<Lock> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const lock = await acquire(lockPath, options, timeoutMs);
  if (!lock) throw new LockTimeoutError(lockPath, timeoutMs, readLockHolder(lockPath));
  return lock;
}

/** Takes the lock only if it is free right now; `undefined` when it is held. */
export function tryLock(lockPath: string, options: LockOptions = {}): Promise<Lock | undefined> {
  return acquire(lockPath, options, 0);
}

/**
 * Runs `fn` while holding the lock at `lockPath`, and releases it however `fn` ends.
 *
 * @example
 * ```ts
 * await withLock("memory/knowledge.json.lock", async () => {
 *   // read, modify, write knowledge.json
 * });
 * ```
 */
export async function withLock<T>(
  lockPath: string,
  fn: () => Promise<T> | T,
  options: LockOptions = {},
): Promise<T> {
  const lock = await acquireLock(lockPath, options);
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
