import { type FileCursor, START_OF_FILE } from "./file_cursor.ts";
import { readNewLines } from "./read_new_lines.ts";
import type { SourceReader } from "./source.ts";

/** A plain log file, read incrementally line by line (rotation and truncation noticed). */
export function logFileSource(path: string): SourceReader {
  return {
    id: `log:${path}`,
    label: `log:${path}`,
    kind: "log",
    async read(cursor, onItem) {
      const start: FileCursor = cursor?.kind === "file" ? cursor : START_OF_FILE;
      return await readNewLines(path, start, (line) => {
        onItem({ kind: "line", position: line.lineNo, text: line.text });
      });
    },
  };
}

/**
 * Standard input, given as its text: read whole, never remembered (each run
 * reads what it is given).
 */
export function stdinSource(text: string): SourceReader {
  return {
    id: "stdin",
    label: "stdin",
    kind: "stdin",
    read(_cursor, onItem) {
      const lines = text.split("\n");
      if (lines.at(-1) === "") lines.pop();
      lines.forEach((line, i) =>
        onItem({ kind: "line", position: i + 1, text: line.replace(/\r$/, "") })
      );
      return Promise.resolve({ cursor: undefined, bytes: text.length, restarted: false });
    },
  };
}
