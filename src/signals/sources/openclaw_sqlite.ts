import { DatabaseSync } from "node:sqlite";
import { zstdDecompressSync } from "node:zlib";
import type { SqliteCursor } from "./cursor.ts";
import type { ReadResult, SourceItem, SourceReader } from "./source.ts";

/** Rows fetched per query: bounded memory, short read transactions. */
const PAGE_ROWS = 500;
/** How long a read waits if OpenClaw holds a write lock (rollback-journal mode only). */
const BUSY_TIMEOUT_MS = 2000;

interface Row {
  seq: number;
  event_json: string | null;
  event_zstd: Uint8Array | null;
  bytes: number | null;
}

function decode(row: Row): { text: string } | { error: string } {
  if (row.event_json !== null) return { text: row.event_json };
  if (row.event_zstd === null) return { error: "row has neither event_json nor event_zstd" };
  try {
    return { text: new TextDecoder().decode(zstdDecompressSync(row.event_zstd)) };
  } catch (error) {
    return { error: `zstd: ${(error as Error).message}` };
  }
}

type Page = ReturnType<DatabaseSync["prepare"]>;

function readSession(
  page: Page,
  session: string,
  after: number,
  onItem: (item: SourceItem) => void,
): { last: number; bytes: number } {
  let last = after;
  let bytes = 0;
  for (;;) {
    const rows = page.all(session, last) as unknown as Row[];
    for (const row of rows) {
      last = row.seq;
      bytes += row.bytes ?? 0;
      const decoded = decode(row);
      if ("error" in decoded) {
        onItem({ kind: "malformed", session, position: row.seq, reason: decoded.error });
        continue;
      }
      let event: unknown;
      try {
        event = JSON.parse(decoded.text);
      } catch (error) {
        onItem({
          kind: "malformed",
          session,
          position: row.seq,
          reason: `not JSON (${(error as Error).message})`,
        });
        continue;
      }
      onItem({ kind: "event", session, position: row.seq, event, bytes: row.bytes ?? 0 });
    }
    if (rows.length < PAGE_ROWS) return { last, bytes };
  }
}

/**
 * An OpenClaw ≥ 2026.9 agent store (`agents/<agent>/agent/openclaw-agent.sqlite`),
 * read incrementally from `transcript_events`: per session, only rows with a
 * `seq` above the cursor's. The database is opened read-only and every query is
 * a short read, so OpenClaw is never locked out; zstd-compressed rows
 * (`event_zstd`) are decompressed.
 */
export function openclawSqliteSource(dbPath: string, agent: string): SourceReader {
  return {
    id: `sqlite:${dbPath}`,
    label: `openclaw:${agent}`,
    kind: "openclaw-sqlite",
    read(cursor, onItem): Promise<ReadResult> {
      const known = cursor?.kind === "sqlite" ? cursor.sessions : {};
      const db = new DatabaseSync(dbPath, { readOnly: true, timeout: BUSY_TIMEOUT_MS });
      try {
        const heads = db.prepare(
          "SELECT session_id AS session, MAX(seq) AS head FROM transcript_events GROUP BY session_id",
        ).all() as unknown as { session: string; head: number }[];
        const page = db.prepare(
          `SELECT seq, event_json, event_zstd,
                  coalesce(event_utf8_bytes, length(CAST(event_json AS BLOB))) AS bytes
             FROM transcript_events WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ${PAGE_ROWS}`,
        );
        const sessions: SqliteCursor["sessions"] = {};
        let bytes = 0;
        for (const { session, head } of heads) {
          const after = known[session] ?? -1;
          if (head <= after) {
            sessions[session] = after;
            continue;
          }
          const read = readSession(page, session, after, onItem);
          sessions[session] = read.last;
          bytes += read.bytes;
        }
        // Sessions OpenClaw deleted drop out of the cursor, which stays bounded.
        const restarted = Object.entries(known).some(([s, seq]) =>
          sessions[s] !== undefined && (sessions[s] as number) < seq
        );
        return Promise.resolve({ cursor: { kind: "sqlite", sessions }, bytes, restarted });
      } finally {
        db.close();
      }
    },
  };
}
