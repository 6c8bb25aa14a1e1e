/**
 * Durable files for every other module: atomic JSON writes, append-only JSONL
 * that survives a torn last line, cross-process locks, quarantine of
 * unparsable files, and versioned formats migrated forward.
 *
 * @module
 */
export { removeOrphanTemps, writeFileAtomic } from "./atomic_write.ts";
export type { AtomicWriteOptions } from "./atomic_write.ts";
export { appendJsonl, readJsonl } from "./jsonl.ts";
export type {
  AppendJsonlOptions,
  AppendJsonlResult,
  JsonlProblem,
  JsonlReadResult,
  ReadJsonlOptions,
} from "./jsonl.ts";
export { acquireLock, readLockHolder, tryLock, withLock } from "./lock.ts";
export type { Lock, LockOptions } from "./lock.ts";
export { fileTimestamp, quarantine } from "./quarantine.ts";
export {
  defineVersionedFile,
  readVersioned,
  updateVersioned,
  writeVersioned,
} from "./versioned_file.ts";
export type {
  JsonDocument,
  ReadOptions,
  VersionedFileSpec,
  VersionedRead,
} from "./versioned_file.ts";
export { LockTimeoutError, StoreCorruptError, StoreVersionError } from "./store_errors.ts";
export type { LockHolder } from "./store_errors.ts";
export { DATA_FILES, dataFilePath, WRITABLE_DIRS } from "./layout.ts";
export type { DataFile, DataFileId, DataFileKind } from "./layout.ts";
export { inspectFile, setAsideCopies } from "./file_health.ts";
export type { FileHealth } from "./file_health.ts";
export { commitTransaction, recoverTransaction } from "./transaction.ts";
export type { Recovery, TxOp } from "./transaction.ts";
export { pathExists, pathKind, readTextIfExists } from "./path_exists.ts";
