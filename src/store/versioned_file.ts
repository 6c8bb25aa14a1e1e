import type { z } from "zod";
import { removeOrphanTemps, writeFileAtomic } from "./atomic_write.ts";
import { type LockOptions, withLock } from "./lock.ts";
import { readTextIfExists } from "./path_exists.ts";
import { quarantine } from "./quarantine.ts";
import { StoreCorruptError, StoreVersionError } from "./store_errors.ts";

/** A JSON document as stored: an object with a format version. */
export type JsonDocument = Record<string, unknown>;

/**
 * How one versioned JSON data file looks and how older formats move forward.
 *
 * @example
 * ```ts
 * const StateFile = defineVersionedFile({
 *   name: "engine state",
 *   version: 2,
 *   schema: z.object({ version: z.literal(2), cycle: z.number() }),
 *   migrations: { 1: (v1) => ({ ...v1, version: 2, cycle: v1.cycles ?? 0 }) },
 *   empty: () => ({ version: 2, cycle: 0 }),
 * });
 * ```
 */
export interface VersionedFileSpec<T extends { version: number }> {
  /** Human name used in messages: "knowledge base". */
  readonly name: string;
  /** The format version this lshml writes. */
  readonly version: number;
  /** Schema of a current-version document. */
  readonly schema: z.ZodType<T>;
  /**
   * `migrations[n]` turns a version-n document into a version-(n+1) one. A file
   * without a `version` field is version 0 when `migrations[0]` exists.
   */
  readonly migrations?: Readonly<Record<number, (doc: JsonDocument) => JsonDocument>>;
  /** The document a file that does not exist yet stands for. */
  readonly empty: () => T;
  /** Indent the file for people to read (default true; large files turn it off). */
  readonly pretty?: boolean;
}

/** Identity helper that keeps the spec's types. */
export function defineVersionedFile<T extends { version: number }>(
  spec: VersionedFileSpec<T>,
): VersionedFileSpec<T> {
  return spec;
}

/** What {@link readVersioned} returns. */
export interface VersionedRead<T> {
  readonly value: T;
  /** False when the file does not exist and `value` is the empty document. */
  readonly existed: boolean;
  /** The version the file had, when it was migrated forward on read. */
  readonly migratedFrom: number | undefined;
}

/** A problem found in a file's text, before anything is moved. */
class Unreadable {
  constructor(readonly reason: string, readonly cause?: unknown) {}
}

function migrate<T extends { version: number }>(
  doc: JsonDocument,
  from: number,
  spec: VersionedFileSpec<T>,
): JsonDocument | string {
  let current = doc;
  for (let version = from; version < spec.version; version++) {
    const step = spec.migrations?.[version];
    if (!step) return `no migration from format version ${version}`;
    current = step(current);
  }
  return current;
}

function versionOf(doc: JsonDocument, spec: VersionedFileSpec<{ version: number }>) {
  if (typeof doc.version === "number" && Number.isInteger(doc.version)) return doc.version;
  if (doc.version === undefined && spec.migrations?.[0]) return 0;
  return undefined;
}

/** Options for reading. */
export interface ReadOptions {
  /** Clock used to name a quarantined copy. */
  readonly now?: () => Date;
  /** The caller already holds `<path>.lock` (locks are not reentrant). */
  readonly holdingLock?: boolean;
}

function decode<T extends { version: number }>(
  text: string,
  spec: VersionedFileSpec<T>,
): { value: T; migratedFrom: number | undefined } | Unreadable | { newerVersion: number } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return new Unreadable(`not valid JSON (${(error as Error).message})`, error);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return new Unreadable(`expected a JSON object for the ${spec.name}`);
  }
  const version = versionOf(doc as JsonDocument, spec);
  if (version === undefined) return new Unreadable("it has no format version");
  if (version > spec.version) return { newerVersion: version };
  const migrated = version < spec.version ? migrate(doc as JsonDocument, version, spec) : doc;
  if (typeof migrated === "string") return new Unreadable(migrated);
  const parsed = spec.schema.safeParse(migrated);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    return new Unreadable(`not a valid ${spec.name}${where}: ${issue?.message}`, parsed.error);
  }
  return { value: parsed.data, migratedFrom: version < spec.version ? version : undefined };
}

/**
 * Moves the unreadable file aside, but only if it still holds the text that was
 * judged unreadable: a writer may have replaced it since, and its fresh content
 * must not be quarantined (or worse, unlinked) by mistake.
 */
async function quarantineIfUnchanged(
  path: string,
  judged: string,
  options: ReadOptions,
): Promise<string | undefined> {
  const now = options.now ?? (() => new Date());
  const move = async () =>
    (await readTextIfExists(path)) === judged ? quarantine(path, now()) : undefined;
  return options.holdingLock ? await move() : await withLock(`${path}.lock`, move);
}

/**
 * Reads a versioned JSON file, migrating older formats forward in memory.
 * A missing file reads as `spec.empty()`. A file that does not parse or does
 * not match the schema is moved aside (see {@link quarantine}) and a
 * {@link StoreCorruptError} says where; a file from a newer lshml raises
 * {@link StoreVersionError} and is left alone.
 */
export async function readVersioned<T extends { version: number }>(
  path: string,
  spec: VersionedFileSpec<T>,
  options: ReadOptions = {},
): Promise<VersionedRead<T>> {
  for (let attempt = 0;; attempt++) {
    const text = await readTextIfExists(path);
    if (text === undefined) return { value: spec.empty(), existed: false, migratedFrom: undefined };
    const decoded = decode(text, spec);
    if ("newerVersion" in decoded) {
      throw new StoreVersionError(path, decoded.newerVersion, spec.version);
    }
    if (!(decoded instanceof Unreadable)) return { ...decoded, existed: true };
    const quarantinedTo = await quarantineIfUnchanged(path, text, options);
    if (quarantinedTo || attempt > 0) {
      throw new StoreCorruptError(path, decoded.reason, { quarantinedTo, cause: decoded.cause });
    }
    // The file changed while we looked at it: read the new content once more.
  }
}

/**
 * Validates and atomically writes a versioned document.
 *
 * @throws {TypeError} when `value` does not match the schema (a bug, never user input).
 */
export async function writeVersioned<T extends { version: number }>(
  path: string,
  spec: VersionedFileSpec<T>,
  value: T,
): Promise<void> {
  const checked = spec.schema.safeParse(value);
  if (!checked.success) {
    throw new TypeError(`refusing to write an invalid ${spec.name} to ${path}`, {
      cause: checked.error,
    });
  }
  const text = spec.pretty === false
    ? JSON.stringify(checked.data)
    : JSON.stringify(checked.data, null, 2);
  await writeFileAtomic(path, `${text}\n`);
}

/**
 * Read-modify-write under the file's cross-process lock. `change` gets the
 * current document and returns the next one (or `undefined` to leave the file
 * as it is).
 *
 * @example
 * ```ts
 * await updateVersioned("memory/state.json", StateFile, (s) => ({ ...s, cycle: s.cycle + 1 }));
 * ```
 */
export async function updateVersioned<T extends { version: number }>(
  path: string,
  spec: VersionedFileSpec<T>,
  change: (current: T) => T | undefined | Promise<T | undefined>,
  options: ReadOptions & LockOptions = {},
): Promise<T> {
  return await withLock(`${path}.lock`, async () => {
    await removeOrphanTemps(path);
    const { value } = await readVersioned(path, spec, { ...options, holdingLock: true });
    const next = await change(value);
    if (next === undefined) return value;
    await writeVersioned(path, spec, next);
    return next;
  }, options);
}
