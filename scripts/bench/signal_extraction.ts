/**
 * Signal extraction throughput (DESIGN §8: ≥ 50 MB/s of transcript text).
 *
 * Builds a large OpenClaw 2026.9 store from the real fixture's schema and
 * events: the fixture's sessions are replayed many times with their tool
 * outputs varied and padded to realistic sizes (file contents and command
 * output are most of a real transcript's bytes), and ~5 % of rows stored
 * zstd-compressed as OpenClaw does. Then a full `runScan` reads it into a
 * fresh home — SQLite reads, decompression, JSON parsing, signal extraction in
 * four languages, redaction, clustering and the commit — and the same events
 * are scanned again from the legacy JSONL layout.
 *
 * Usage: deno run -A scripts/bench/signal_extraction.ts [--mb 100] [--json]
 *
 * @module
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { zstdCompressSync } from "node:zlib";
import { runScan } from "../../src/scan/mod.ts";
import { jsonlSessionSource, openclawSqliteSource } from "../../src/signals/mod.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = join(ROOT, "tests/fixtures/openclaw");

/** Result of the benchmark. */
export interface ExtractionResult {
  readonly megabytes: number;
  readonly events: number;
  readonly signals: number;
  readonly sqliteMBps: number;
  readonly jsonlMBps: number;
}

function fixtureEvents(): unknown[][] {
  const dir = join(FIXTURE, "legacy/agents/main/sessions");
  return readdirSync(dir).filter((n) => n.endsWith(".jsonl")).sort().map((name) =>
    readFileSync(join(dir, name), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))
  );
}

/** Source-code-like filler for tool outputs: what `read` and `exec` return most of the time. */
function filler(seed: number, bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line =
      `  const value${(seed + i) % 997} = compute(input[${i}], { retries: ${i % 7} }); ` +
      `// step ${seed}-${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n");
}

function vary(event: unknown, copy: number, index: number): unknown {
  const clone = structuredClone(event) as {
    message?: { role?: string; content?: { type: string; text?: string }[] | string };
  };
  const message = clone.message;
  if (message?.role === "toolResult" && Array.isArray(message.content)) {
    const part = message.content.find((p) => p.type === "text");
    // Two thirds of tool results are long, successful outputs (2–24 kB).
    if (part?.text !== undefined && index % 3 !== 0) {
      part.text = `${part.text}\n${
        filler(copy * 31 + index, 2048 + ((copy * 7919 + index * 104729) % 22528))
      }`;
    }
  }
  return clone;
}

export function buildStore(
  dir: string,
  targetBytes: number,
): { db: string; jsonlDir: string; bytes: number; events: number } {
  const db = join(dir, "openclaw-agent.sqlite");
  const store = new DatabaseSync(db);
  store.exec(readFileSync(join(FIXTURE, "agent-schema.sql"), "utf8"));
  store.exec("PRAGMA foreign_keys=OFF; PRAGMA journal_mode=WAL; BEGIN");
  // Compressed rows need a navigation record; reuse one OpenClaw wrote.
  const fixtureDb = new DatabaseSync(
    join(ROOT, "samples/openclaw/agents/main/agent/openclaw-agent.sqlite"),
    {
      readOnly: true,
    },
  );
  const navigation = (fixtureDb.prepare(
    "SELECT navigation_json AS n FROM transcript_events WHERE navigation_json IS NOT NULL",
  ).get() as { n: string }).n;
  fixtureDb.close();
  const plain = store.prepare(
    "INSERT INTO transcript_events (session_id, seq, event_json, created_at) VALUES (?, ?, ?, ?)",
  );
  const packed = store.prepare(
    `INSERT INTO transcript_events (session_id, seq, event_json, created_at, event_zstd,
       event_utf8_bytes, navigation_json) VALUES (?, ?, NULL, ?, ?, ?, ?)`,
  );
  const sessions = fixtureEvents();
  const jsonlDir = join(dir, "sessions");
  Deno.mkdirSync(jsonlDir);
  let bytes = 0;
  let events = 0;
  for (let copy = 0; bytes < targetBytes; copy++) {
    for (const [s, session] of sessions.entries()) {
      const id = `bench-${copy}-${s}`;
      const lines: string[] = [];
      session.forEach((event, seq) => {
        const json = JSON.stringify(vary(event, copy, seq));
        const size = Buffer.byteLength(json);
        if (seq % 20 === 7) {
          packed.run(id, seq, Date.now(), zstdCompressSync(Buffer.from(json)), size, navigation);
        } else plain.run(id, seq, json, Date.now());
        lines.push(json);
        bytes += size;
        events++;
      });
      writeFileSync(join(jsonlDir, `${id}.jsonl`), `${lines.join("\n")}\n`);
    }
  }
  store.exec("COMMIT");
  store.close();
  return { db, jsonlDir, bytes, events };
}

async function timeScan(
  readers: Parameters<typeof runScan>[0]["readers"],
): Promise<{ ms: number; signals: number }> {
  const home = await Deno.makeTempDir({ prefix: "lshml-bench-home-" });
  const start = performance.now();
  const { signals } = await runScan({ home, readers, now: () => new Date() });
  const ms = performance.now() - start;
  await Deno.remove(home, { recursive: true });
  return { ms, signals };
}

export async function runExtractionBenchmark(megabytes = 100): Promise<ExtractionResult> {
  const dir = await Deno.makeTempDir({ prefix: "lshml-bench-store-" });
  try {
    const built = buildStore(dir, megabytes * 1024 * 1024);
    const sqlite = await timeScan([openclawSqliteSource(built.db, "bench")]);
    const files = readdirSync(built.jsonlDir).sort().map((n) => join(built.jsonlDir, n));
    const jsonl = await timeScan(files.map((f) => jsonlSessionSource(f, "bench")));
    const mb = built.bytes / 1024 / 1024;
    return {
      megabytes: mb,
      events: built.events,
      signals: sqlite.signals,
      sqliteMBps: mb / (sqlite.ms / 1000),
      jsonlMBps: mb / (jsonl.ms / 1000),
    };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** One line for the bench report. */
export function formatExtraction(r: ExtractionResult): string {
  return `signals   ${
    r.megabytes.toFixed(0)
  } MB of transcripts (${r.events} events, ${r.signals} ` +
    `signals): SQLite store ${r.sqliteMBps.toFixed(1)} MB/s, legacy JSONL ` +
    `${r.jsonlMBps.toFixed(1)} MB/s (target >= 50)`;
}

if (import.meta.main) {
  const at = Deno.args.indexOf("--mb");
  const result = await runExtractionBenchmark(at >= 0 ? Number(Deno.args[at + 1]) : 100);
  console.log(
    Deno.args.includes("--json") ? JSON.stringify(result, null, 2) : formatExtraction(result),
  );
}
