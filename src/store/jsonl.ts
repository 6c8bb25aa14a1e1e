import { mkdir, open, readFile } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import type { z } from "zod";
import { writeFileAtomic } from "./atomic_write.ts";
import { withLock } from "./lock.ts";
import { fileTimestamp } from "./quarantine.ts";

/**
 * Append-only JSON Lines files: one JSON value per line, each line written in a
 * single `write` with its newline and fsynced before the append returns.
 *
 * A writer killed mid-line leaves a last line without its newline (a torn
 * tail). Readers skip and count it; the next append moves it aside to
 * `<path>.torn-<time>` before writing, so a record is never glued onto half of
 * another and nothing is deleted.
 */

/** A line that is not a valid record. */
export interface JsonlProblem {
  /** 1-based line number. */
  readonly line: number;
  readonly reason: string;
}

/** What {@link readJsonl} found. */
export interface JsonlReadResult<T> {
  readonly records: T[];
  /** 1-based line number of each record, parallel to `records`. */
  readonly recordLines: number[];
  /** Complete lines that are not JSON or fail the schema; skipped, never fatal. */
  readonly invalid: JsonlProblem[];
  /** The cut-off last line, if the file ends without a newline. */
  readonly tornTail: { readonly line: number; readonly bytes: number } | undefined;
  /** Byte offset just past the last complete line: where an incremental read resumes. */
  readonly endOffset: number;
}

/** Options for {@link readJsonl}. */
export interface ReadJsonlOptions<T> {
  /** Validates each record; failures are reported as invalid lines. */
  readonly schema?: z.ZodType<T>;
  /** Start reading at this byte offset (a previous `endOffset`). */
  readonly fromOffset?: number;
  /** Line number of the first line read (for messages when `fromOffset` is used). */
  readonly firstLine?: number;
}

const NEWLINE = 0x0a;

/**
 * Reads every complete line of a JSONL file. A missing file reads as empty.
 *
 * @example
 * ```ts
 * const { records, invalid, tornTail } = await readJsonl("memory/feedback.jsonl");
 * ```
 */
export async function readJsonl<T = unknown>(
  path: string,
  options: ReadJsonlOptions<T> = {},
): Promise<JsonlReadResult<T>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    bytes = new Uint8Array();
  }
  const from = Math.min(options.fromOffset ?? 0, bytes.length);
  return parseJsonlBytes(bytes.subarray(from), from, options);
}

function parseJsonlBytes<T>(
  bytes: Uint8Array,
  baseOffset: number,
  options: ReadJsonlOptions<T>,
): JsonlReadResult<T> {
  const decoder = new TextDecoder();
  const records: T[] = [];
  const recordLines: number[] = [];
  const invalid: JsonlProblem[] = [];
  let line = options.firstLine ?? 1;
  let start = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, start)) {
    const text = decoder.decode(bytes.subarray(start, i)).trim();
    if (text !== "") {
      const parsed = parseLine(text, options.schema);
      if (parsed.ok) {
        records.push(parsed.value);
        recordLines.push(line);
      } else {
        invalid.push({ line, reason: parsed.reason });
      }
    }
    start = i + 1;
    line++;
  }
  const tail = bytes.length - start;
  return {
    records,
    recordLines,
    invalid,
    tornTail: tail > 0 ? { line, bytes: tail } : undefined,
    endOffset: baseOffset + start,
  };
}

function parseLine<T>(
  text: string,
  schema: z.ZodType<T> | undefined,
): { ok: true; value: T } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${(error as Error).message})` };
  }
  if (!schema) return { ok: true, value: value as T };
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
  return { ok: false, reason: `invalid record${where}: ${issue?.message ?? "schema mismatch"}` };
}

/** Options for {@link appendJsonl}. */
export interface AppendJsonlOptions {
  readonly now?: () => Date;
  readonly lockTimeoutMs?: number;
}

/** What {@link appendJsonl} did besides appending. */
export interface AppendJsonlResult {
  /** Where a torn tail found at the end of the file was moved, if there was one. */
  readonly tornTailSavedTo: string | undefined;
}

/** Serialises one record; rejects values JSON cannot represent at the top level. */
function toLine(record: unknown): string {
  const text = JSON.stringify(record);
  if (typeof text !== "string") {
    throw new TypeError(`cannot append ${String(record)} to a JSONL file: not JSON`);
  }
  return `${text}\n`;
}

/**
 * Appends records durably: one write, then fsync, under the file's lock.
 *
 * @example
 * ```ts
 * await appendJsonl("memory/feedback.jsonl", [{ cluster: "c1", outcome: "proven" }]);
 * ```
 */
export async function appendJsonl(
  path: string,
  records: readonly unknown[],
  options: AppendJsonlOptions = {},
): Promise<AppendJsonlResult> {
  const payload = new TextEncoder().encode(records.map(toLine).join(""));
  const now = options.now ?? (() => new Date());
  await mkdir(dirname(path), { recursive: true });
  const lockOptions = options.lockTimeoutMs === undefined ? {} : {
    timeoutMs: options.lockTimeoutMs,
  };
  return await withLock(`${path}.lock`, async () => {
    const handle = await open(path, "a+");
    try {
      const tornTailSavedTo = await setAsideTornTail(handle, path, now);
      if (payload.length > 0) {
        await handle.write(payload);
        await handle.sync();
      }
      return { tornTailSavedTo };
    } finally {
      await handle.close();
    }
  }, lockOptions);
}

const TAIL_CHUNK = 64 * 1024;

/** Finds the offset just past the last newline, reading backwards from the end. */
async function lastLineStart(handle: FileHandle, size: number): Promise<number> {
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - TAIL_CHUNK);
    const chunk = new Uint8Array(end - start);
    await handle.read(chunk, 0, chunk.length, start);
    const at = chunk.lastIndexOf(NEWLINE);
    if (at !== -1) return start + at + 1;
    end = start;
  }
  return 0;
}

async function setAsideTornTail(
  handle: FileHandle,
  path: string,
  now: () => Date,
): Promise<string | undefined> {
  const { size } = await handle.stat();
  if (size === 0) return undefined;
  const last = new Uint8Array(1);
  await handle.read(last, 0, 1, size - 1);
  if (last[0] === NEWLINE) return undefined;
  const cut = await lastLineStart(handle, size);
  const tail = new Uint8Array(size - cut);
  await handle.read(tail, 0, tail.length, cut);
  const savedTo = `${path}.torn-${fileTimestamp(now())}-${cut}`;
  await writeFileAtomic(savedTo, tail);
  await handle.truncate(cut);
  return savedTo;
}
