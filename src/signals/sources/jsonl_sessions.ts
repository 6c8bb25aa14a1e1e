import { basename } from "node:path";
import { type FileCursor, START_OF_FILE } from "./file_cursor.ts";
import { readNewLines } from "./read_new_lines.ts";
import type { SourceReader } from "./source.ts";

/**
 * One legacy OpenClaw session file (`agents/<agent>/sessions/<session>.jsonl`,
 * before 2026.9): one transcript event per line, read incrementally. A line
 * that is not JSON is reported as malformed and skipped.
 */
export function jsonlSessionSource(path: string, agent: string): SourceReader {
  const session = basename(path, ".jsonl");
  return {
    id: `jsonl:${path}`,
    label: `openclaw:${agent}`,
    kind: "openclaw-jsonl",
    async read(cursor, onItem) {
      const start: FileCursor = cursor?.kind === "file" ? cursor : START_OF_FILE;
      const result = await readNewLines(path, start, (line) => {
        if (line.text.trim() === "") return;
        let event: unknown;
        try {
          event = JSON.parse(line.text);
        } catch (error) {
          onItem({
            kind: "malformed",
            session,
            position: line.lineNo,
            reason: line.truncated ? "line too long" : `not JSON (${(error as Error).message})`,
          });
          return;
        }
        onItem({ kind: "event", session, position: line.lineNo, event, bytes: line.text.length });
      });
      return result;
    },
  };
}
