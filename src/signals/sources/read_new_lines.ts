import { open } from "node:fs/promises";
import { type FileCursor, START_OF_FILE } from "./file_cursor.ts";

/** Bytes of the file's beginning that identify it (see {@link FileCursor.head}). */
const HEAD_BYTES = 256;
/** Read size: memory stays bounded however large the file is. */
const CHUNK_BYTES = 1 << 20;
/** A longer "line" is cut here (the rest of it is skipped) so one line cannot exhaust memory. */
export const MAX_LINE_BYTES = 1 << 20;

/** A line read from a file. */
export interface FileLine {
  /** 1-based line number in the file. */
  readonly lineNo: number;
  readonly text: string;
  /** Whether the line was longer than {@link MAX_LINE_BYTES} and was cut. */
  readonly truncated: boolean;
}

/** What one incremental read produced besides the lines. */
export interface ReadSummary {
  readonly cursor: FileCursor;
  readonly bytes: number;
  /** True when the file was rotated or truncated since the last read, so reading restarted. */
  readonly restarted: boolean;
}

function fnv1a(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * A line that spans read chunks: its first bytes (at most {@link MAX_LINE_BYTES} + 1, enough
 * to know it is too long) and its true length.
 */
class PartialLine {
  parts: Uint8Array[] = [];
  kept = 0;
  total = 0;

  add(bytes: Uint8Array): void {
    this.total += bytes.length;
    if (this.kept > MAX_LINE_BYTES) return;
    const take = bytes.subarray(0, MAX_LINE_BYTES + 1 - this.kept);
    this.parts.push(take.slice());
    this.kept += take.length;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.kept);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    this.parts = [];
    this.kept = 0;
    this.total = 0;
    return out;
  }
}

/**
 * Reads the complete lines a file gained since `cursor`, in bounded memory,
 * calling `onLine` for each. A trailing line without its newline is left for
 * the next read (it may still be being written). When the file was replaced or
 * truncated since the cursor was saved, it is read from the start.
 *
 * Whole chunks are decoded at once and split, so the cost per line stays small.
 *
 * @example
 * ```ts
 * const { cursor } = await readNewLines("/var/log/app.log", saved, (line) => handle(line));
 * // persist `cursor`; the next call continues after the last complete line
 * ```
 */
export async function readNewLines(
  path: string,
  cursor: FileCursor = START_OF_FILE,
  onLine: (line: FileLine) => void,
): Promise<ReadSummary> {
  const handle = await open(path, "r");
  try {
    const stat = await handle.stat();
    const headBuffer = new Uint8Array(Math.min(HEAD_BYTES, stat.size));
    await handle.read(headBuffer, 0, headBuffer.length, 0);
    const head = fnv1a(headBuffer);
    const sameFile = cursor.offset === 0 ||
      ((cursor.ino === 0 || cursor.ino === stat.ino) && stat.size >= cursor.offset &&
        (cursor.offset < HEAD_BYTES || cursor.head === head));
    const start = sameFile ? cursor : START_OF_FILE;
    const decoder = new TextDecoder();
    let offset = start.offset;
    let lineNo = start.lines;
    let readAt = start.offset;
    const partial = new PartialLine();
    const chunk = new Uint8Array(CHUNK_BYTES);
    const emit = (text: string, truncated: boolean) =>
      onLine({ lineNo: ++lineNo, text: text.endsWith("\r") ? text.slice(0, -1) : text, truncated });
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, readAt);
      if (bytesRead === 0) break;
      readAt += bytesRead;
      const buffer = chunk.subarray(0, bytesRead);
      const firstNewline = buffer.indexOf(0x0a);
      if (firstNewline === -1) {
        partial.add(buffer);
        continue;
      }
      let from = 0;
      if (partial.total > 0) {
        partial.add(buffer.subarray(0, firstNewline));
        const total = partial.total;
        const bytes = partial.bytes();
        const truncated = bytes.length > MAX_LINE_BYTES;
        emit(decoder.decode(truncated ? bytes.subarray(0, MAX_LINE_BYTES) : bytes), truncated);
        offset += total + 1;
        from = firstNewline + 1;
      }
      const lastNewline = buffer.lastIndexOf(0x0a);
      if (lastNewline >= from) {
        for (const text of decoder.decode(buffer.subarray(from, lastNewline)).split("\n")) {
          emit(text, false);
        }
        offset += lastNewline + 1 - from;
      }
      if (lastNewline + 1 < bytesRead) partial.add(buffer.subarray(lastNewline + 1));
    }
    return {
      cursor: { kind: "file", offset, lines: lineNo, ino: stat.ino ?? 0, head },
      bytes: offset - start.offset,
      restarted: !sameFile,
    };
  } finally {
    await handle.close();
  }
}
