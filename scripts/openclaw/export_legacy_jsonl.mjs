#!/usr/bin/env node
/**
 * Export an OpenClaw ≥ 2026.9 per-agent transcript store (SQLite) to the legacy layout
 * `agents/<agent>/sessions/<sessionId>.jsonl` (+ `sessions.json`), one transcript event
 * per line, byte-for-byte the JSON OpenClaw stored in `transcript_events`.
 *
 * OpenClaw 2026.9 no longer writes live `sessions/*.jsonl`; its only JSONL outputs are
 * zstd archives written by the gateway (cold storage, deleted-session archives) and the
 * redacted trajectory bundle. This script gives tests a faithful legacy-format fixture.
 *
 * Runs under Node ≥ 24 or Deno 2.9 (needs `node:sqlite` and zstd in `node:zlib`).
 *
 * CLI: `node export_legacy_jsonl.mjs <openclaw-agent.sqlite> <out-sessions-dir>`
 */
import { mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

/**
 * Decode one `transcript_events` row to its original JSON text.
 * Rows hold either `event_json` (TEXT) or `event_zstd` (a level-1 zstd frame with a
 * content checksum) whose decoded length must equal `event_utf8_bytes`.
 * @param {{event_json: string|null, event_zstd: Uint8Array|null, event_utf8_bytes: number|null}} row
 * @returns {string}
 * @example
 * const text = decodeTranscriptRow(db.prepare("select * from transcript_events limit 1").get());
 */
export function decodeTranscriptRow(row) {
  if (typeof row.event_json === "string") return row.event_json;
  if (!(row.event_zstd instanceof Uint8Array)) {
    throw new TypeError("transcript row has neither event_json nor event_zstd");
  }
  if (typeof zlib.zstdDecompressSync !== "function") {
    throw new Error(
      "this runtime's node:zlib has no zstdDecompressSync (need Node >= 22.15/23.8 or Deno 2.9)",
    );
  }
  const bytes = zlib.zstdDecompressSync(row.event_zstd, {
    maxOutputLength: row.event_utf8_bytes ?? undefined,
  });
  if (row.event_utf8_bytes !== null && bytes.byteLength !== row.event_utf8_bytes) {
    throw new RangeError(
      `decoded ${bytes.byteLength} bytes but event_utf8_bytes says ${row.event_utf8_bytes}`,
    );
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/**
 * Write `<sessionId>.jsonl` for every session in the store, plus a `sessions.json`
 * mapping session keys to their (trimmed) session entries as the legacy store did.
 * @param {string} dbPath path to `openclaw-agent.sqlite`
 * @param {string} outDir the legacy `agents/<agent>/sessions` directory to create
 * @returns {{sessions: {sessionId: string, lines: number, compressed: number}[]}}
 */
export function exportLegacyJsonl(dbPath, outDir) {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    mkdirSync(outDir, { recursive: true });
    const ids = db.prepare("select distinct session_id from transcript_events order by session_id")
      .all();
    const rows = db.prepare(
      "select seq, event_json, event_zstd, event_utf8_bytes from transcript_events where session_id = ? order by seq",
    );
    const sessions = [];
    for (const { session_id: sessionId } of ids) {
      let compressed = 0;
      const lines = rows.all(sessionId).map((row) => {
        if (row.event_json === null) compressed += 1;
        return decodeTranscriptRow(row);
      });
      writeFileSync(join(outDir, `${sessionId}.jsonl`), lines.join("\n") + "\n");
      sessions.push({ sessionId, lines: lines.length, compressed });
    }
    writeFileSync(join(outDir, "sessions.json"), JSON.stringify(sessionStore(db), null, 2) + "\n");
    return { sessions };
  } finally {
    db.close();
  }
}

/** Legacy `sessions.json`: sessionKey → entry. Bulky prompt snapshots are dropped. */
function sessionStore(db) {
  const store = {};
  for (
    const row of db.prepare(
      "select session_key, entry_json from session_nodes order by session_key",
    ).all()
  ) {
    const entry = JSON.parse(row.entry_json);
    delete entry.skillsSnapshot;
    delete entry.systemPromptReport;
    store[row.session_key] = { ...entry, sessionFile: `${entry.sessionId}.jsonl` };
  }
  return store;
}

function isMain() {
  try {
    return realpathSync(process.argv[1] ?? "") === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false; // no script path (REPL, eval): imported as a module
  }
}

if (isMain()) {
  const [dbPath, outDir] = process.argv.slice(2);
  if (!dbPath || !outDir) {
    process.stderr.write(
      "usage: export_legacy_jsonl.mjs <openclaw-agent.sqlite> <out-sessions-dir>\n",
    );
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(exportLegacyJsonl(dbPath, outDir), null, 2) + "\n");
}
