/**
 * A data file could not be read as what it should be. When the file was moved
 * aside, `quarantinedTo` says where; nothing is ever silently reset to empty.
 */
export class StoreCorruptError extends Error {
  readonly code = "STORE_CORRUPT";
  readonly path: string;
  readonly quarantinedTo: string | undefined;

  constructor(
    path: string,
    reason: string,
    options: { quarantinedTo?: string | undefined; cause?: unknown } = {},
  ) {
    const moved = options.quarantinedTo
      ? ` It was moved aside to ${options.quarantinedTo}; lshml starts a new file next time. ` +
        `To recover, repair that copy (it is plain JSON) and move it back to ${path}.`
      : "";
    super(`${path} is corrupt: ${reason}.${moved}`, { cause: options.cause });
    this.name = "StoreCorruptError";
    this.path = path;
    this.quarantinedTo = options.quarantinedTo;
  }
}

/** A data file was written by a newer lshml; it is left untouched. */
export class StoreVersionError extends Error {
  readonly code = "STORE_NEWER_VERSION";
  readonly path: string;

  constructor(path: string, found: number, supported: number) {
    super(
      `${path} has format version ${found}, but this lshml reads up to version ${supported}. ` +
        `Upgrade lshml; the file was left untouched.`,
    );
    this.name = "StoreVersionError";
    this.path = path;
  }
}

/** A cross-process lock could not be taken in time. */
export class LockTimeoutError extends Error {
  readonly code = "LOCK_TIMEOUT";
  readonly lockPath: string;
  readonly holder: LockHolder | undefined;

  constructor(lockPath: string, waitedMs: number, holder: LockHolder | undefined) {
    const who = holder
      ? ` It is held by pid ${holder.pid} (${holder.purpose}) since ${holder.since}.`
      : "";
    super(`could not lock ${lockPath} within ${waitedMs} ms.${who}`);
    this.name = "LockTimeoutError";
    this.lockPath = lockPath;
    this.holder = holder;
  }
}

/** Who holds a lock, as recorded (best effort) next to it. */
export interface LockHolder {
  readonly pid: number;
  readonly purpose: string;
  /** ISO 8601 time the lock was taken. */
  readonly since: string;
}
