import { open } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { fileTimestamp, writeFileAtomic } from "../store/mod.ts";
import { MemoryOriginSchema } from "./memory_record.ts";

/**
 * The operations log: one JSON line per learning step, appended and fsynced under the store's
 * lock, so a step writes a few hundred bytes instead of rewriting the store. Each line is one
 * whole operation (an add carries its evictions), so a crash can cut at most the last line —
 * a torn tail, which readers skip and the next writer sets aside to `<log>.torn-<time>-<offset>`
 * before appending, exactly like the store's JSONL files. Values are absolute (the new Q, the
 * new counts), never deltas, so replaying a line gives the same state in every process.
 */

const count = z.number().int().nonnegative();
const unit = z.number().min(-1).max(1);

/** A memory in an `add` operation: times in ms since the epoch, plus its insertion ordinal. */
export const EntryJsonSchema = z.object({
  id: z.string().min(1),
  intent: z.string(),
  experience: z.string(),
  space: z.string().min(1),
  q: unit,
  visits: count,
  selectedCount: count,
  successCount: count,
  failureCount: count,
  lastReward: unit.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  lastUsedAt: z.number().nullable(),
  origin: MemoryOriginSchema,
  ordinal: count,
});

/** New values of some fields of one memory. */
export const PatchSchema = z.object({
  id: z.string().min(1),
  experience: z.string().optional(),
  q: unit.optional(),
  visits: count.optional(),
  selectedCount: count.optional(),
  successCount: count.optional(),
  failureCount: count.optional(),
  lastReward: unit.nullable().optional(),
  createdAt: z.number().optional(),
  updatedAt: z.number().optional(),
  lastUsedAt: z.number().nullable().optional(),
  origin: MemoryOriginSchema.optional(),
});

/** One line of the operations log. */
export const OpSchema = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("add"),
    entry: EntryJsonSchema,
    /** The intent's vector in `entry.space`: base64 of little-endian float32. */
    vector: z.string().min(1),
    /** Memories retention evicted to make room, in the same line so both happen or neither. */
    evict: z.array(z.string()),
  }),
  z.object({
    op: z.literal("patch"),
    reason: z.enum(["reward", "selected", "merge"]),
    changes: z.array(PatchSchema),
  }),
  z.object({
    op: z.literal("remove"),
    reason: z.enum(["forget", "evict"]),
    ids: z.array(z.string()),
  }),
]);

/** One operation of the log. */
export type Op = z.infer<typeof OpSchema>;
/** A memory as an `add` operation carries it. */
export type EntryJson = z.infer<typeof EntryJsonSchema>;
/** New values for one memory's fields. */
export type Patch = z.infer<typeof PatchSchema>;

/** What {@link readLogTail} found past an offset. */
export interface LogTail {
  readonly ops: Op[];
  /** Byte offset just past the last complete line. */
  readonly endOffset: number;
  /** Complete lines that are not valid operations (skipped; only tampering produces them). */
  readonly invalid: number;
  /** The file does not exist (a store without operations yet, or a compacted generation). */
  readonly missing: boolean;
}

const NEWLINE = 0x0a;

/** Reads the complete lines of the log from byte `offset` on (a torn last line is left alone). */
export async function readLogTail(path: string, offset: number): Promise<LogTail> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    return { ops: [], endOffset: offset, invalid: 0, missing: true };
  }
  try {
    const { size } = await handle.stat();
    if (size <= offset) return { ops: [], endOffset: offset, invalid: 0, missing: false };
    const bytes = new Uint8Array(size - offset);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, offset);
    return { ...parseLines(bytes.subarray(0, bytesRead), offset), missing: false };
  } finally {
    await handle.close();
  }
}

function parseLines(
  bytes: Uint8Array,
  offset: number,
): { ops: Op[]; endOffset: number; invalid: number } {
  const decoder = new TextDecoder();
  const ops: Op[] = [];
  let invalid = 0;
  let start = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, start)) {
    const text = decoder.decode(bytes.subarray(start, i)).trim();
    start = i + 1;
    if (text === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      invalid++; // a complete line that is not JSON: counted, never fatal
      continue;
    }
    const parsed = OpSchema.safeParse(value);
    if (parsed.success) ops.push(parsed.data);
    else invalid++;
  }
  return { ops, endOffset: offset + start, invalid };
}

/** The log lines of `ops`, as {@link appendLog} writes them. */
export function encodeOps(ops: readonly Op[]): Uint8Array {
  return new TextEncoder().encode(ops.map((op) => `${JSON.stringify(op)}\n`).join(""));
}

/**
 * Appends encoded operations (see {@link encodeOps}) to the log as one fsynced write and
 * returns the new end offset. `endOffset` is
 * where the caller's replay stopped (under the lock, so no other writer appended since): bytes
 * past it can only be a torn line, which is set aside and cut off first. A complete line there
 * would mean an unread operation, and is refused rather than destroyed.
 */
export async function appendLog(
  path: string,
  endOffset: number,
  payload: Uint8Array,
  now: Date,
): Promise<number> {
  const handle = await open(path, "a+");
  try {
    const { size } = await handle.stat();
    if (size > endOffset) await setAsideTail(handle, path, endOffset, size, now);
    await handle.write(payload);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (endOffset === 0) await syncDirectory(dirname(path)); // a new log's name must survive too
  return endOffset + payload.length;
}

async function setAsideTail(
  handle: Awaited<ReturnType<typeof open>>,
  path: string,
  from: number,
  size: number,
  now: Date,
): Promise<void> {
  const tail = new Uint8Array(size - from);
  await handle.read(tail, 0, tail.length, from);
  if (tail.includes(NEWLINE)) {
    throw new Error(`${path} has operations past byte ${from} that were not replayed; not writing`);
  }
  await writeFileAtomic(`${path}.torn-${fileTimestamp(now)}-${from}`, tail);
  await handle.truncate(from);
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
