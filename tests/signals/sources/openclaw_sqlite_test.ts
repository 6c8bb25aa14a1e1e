import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { zstdCompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { openclawSqliteSource, type SourceItem } from "../../../src/signals/mod.ts";
import { ROOT, tempDir } from "../../_helpers/cli.ts";

const FIXTURE_DB = `${ROOT}samples/openclaw/agents/main/agent/openclaw-agent.sqlite`;

function copyStore(): string {
  const dir = join(tempDir(), "agents", "main", "agent");
  mkdirSync(dir, { recursive: true });
  const db = join(dir, "openclaw-agent.sqlite");
  copyFileSync(FIXTURE_DB, db);
  return db;
}

async function read(
  db: string,
  cursor?: Parameters<ReturnType<typeof openclawSqliteSource>["read"]>[0],
) {
  const items: SourceItem[] = [];
  const result = await openclawSqliteSource(db, "main").read(cursor, (i) => items.push(i));
  return { items, ...result };
}

function appendEvent(db: string, session: string, event: unknown, compressed = false): void {
  const store = new DatabaseSync(db);
  const seq = (store.prepare("SELECT MAX(seq) AS m FROM transcript_events WHERE session_id = ?")
    .get(session) as { m: number }).m + 1;
  const json = JSON.stringify(event);
  if (compressed) {
    store.prepare(
      `INSERT INTO transcript_events (session_id, seq, event_json, created_at, event_zstd,
         event_utf8_bytes, navigation_json) VALUES (?, ?, NULL, ?, ?, ?, ?)`,
    ).run(
      session,
      seq,
      Date.now(),
      zstdCompressSync(Buffer.from(json)),
      Buffer.byteLength(json),
      // A navigation record is required with compressed rows; reuse a real one.
      (store.prepare(
        "SELECT navigation_json AS n FROM transcript_events WHERE navigation_json IS NOT NULL",
      ).get() as { n: string }).n,
    );
  } else {
    store.prepare(
      "INSERT INTO transcript_events (session_id, seq, event_json, created_at) VALUES (?, ?, ?, ?)",
    ).run(session, seq, json, Date.now());
  }
  store.close();
}

describe("the OpenClaw SQLite source", () => {
  it("reads each event once across runs: a second read finds only what was added", async () => {
    const db = copyStore();
    const first = await read(db);
    expect(first.items.filter((i) => i.kind === "event")).toHaveLength(152);
    const again = await read(db, first.cursor);
    expect(again.items).toEqual([]);
    const session = Object.keys(
      first.cursor?.kind === "sqlite" ? first.cursor.sessions : {},
    )[0] as string;
    const event = { type: "message", message: { role: "user", content: "still broken" } };
    appendEvent(db, session, event);
    appendEvent(db, session, { ...event, message: { role: "user", content: "zstd" } }, true);
    const added = await read(db, again.cursor);
    expect(added.items.map((i) => i.kind === "event" && (i.event as typeof event).message.content))
      .toEqual(["still broken", "zstd"]);
  });

  it("counts an undecodable row as malformed and keeps going", async () => {
    const db = copyStore();
    const first = await read(db);
    const session = Object.keys(
      first.cursor?.kind === "sqlite" ? first.cursor.sessions : {},
    )[0] as string;
    const store = new DatabaseSync(db);
    store.prepare(
      "INSERT INTO transcript_events (session_id, seq, event_json, created_at) VALUES (?, 9999, ?, 0)",
    ).run(session, "{ not json");
    store.close();
    appendEvent(db, session, { type: "message", message: { role: "user", content: "after" } });
    const next = await read(db, first.cursor);
    expect(next.items.map((i) => i.kind)).toEqual(["malformed", "event"]);
  });

  it("reads a live WAL store read-only while OpenClaw holds a write transaction", async () => {
    const db = copyStore();
    const writer = new DatabaseSync(db);
    writer.exec("PRAGMA journal_mode=WAL");
    writer.exec("BEGIN IMMEDIATE");
    writer.prepare(
      "INSERT INTO transcript_events (session_id, seq, event_json, created_at) " +
        "SELECT session_id, 5000, '{}', 0 FROM transcript_events LIMIT 1",
    ).run();
    // A separate process with read-only access to the store's folder, as lshml runs.
    const dir = join(db, "..");
    const script = `
      import { openclawSqliteSource } from "${ROOT}src/signals/mod.ts";
      let n = 0;
      await openclawSqliteSource(${JSON.stringify(db)}, "main").read(undefined, () => n++);
      console.log(n);`;
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["eval", "--quiet", `--allow-read=${ROOT},${dir}`, "--allow-env", script],
      stdout: "piped",
      stderr: "piped",
    }).output();
    writer.exec("COMMIT");
    writer.close();
    expect(new TextDecoder().decode(output.stderr)).toBe("");
    expect(new TextDecoder().decode(output.stdout).trim()).toBe("152");
  });
});
