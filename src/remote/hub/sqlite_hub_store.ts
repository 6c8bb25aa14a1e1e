import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { checkSchemaVersion, SCORE_SQL, SQLITE_SCHEMA } from "./_schema.ts";
import { createSerial } from "./_serial.ts";
import { decodeVector, encodeVector } from "./_vector_bytes.ts";
import type { ContributorStats, HubStore, HubWrite, IndexRow, MemoryRecord } from "./hub_store.ts";

/** Options of {@link openSqliteHubStore}. */
export interface SqliteHubStoreOptions {
  /** How long a write waits for another process's transaction, in ms. Default 10 000. */
  readonly busyTimeoutMs?: number;
}

type Row = Record<string, SQLInputValue>;

function open(path: string, busyTimeoutMs: number): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  return db;
}

function indexRow(row: Row): IndexRow {
  return {
    id: String(row.id),
    space: String(row.space),
    embedding: decodeVector(row.embedding as Uint8Array),
    version: Number(row.version),
  };
}

function contributor(row: Row): ContributorStats {
  return {
    requestKeyId: String(row.key_id),
    memories: Number(row.memories),
    merged: Number(row.merged),
    uses: Number(row.uses),
    helpful: Number(row.helpful),
    rewardSum: Number(row.reward_sum),
  };
}

/**
 * The default hub store: one SQLite file through `node:sqlite`, in WAL mode so that searches
 * never wait for an ingest and several hub processes on one machine can share the file. Each
 * process keeps two connections: a writer (transactions start with `BEGIN IMMEDIATE`, which
 * takes SQLite's write lock, then bump the version counter) and a reader, which sees only
 * committed data. `synchronous = FULL`: an acknowledged ingest survives a power cut.
 *
 * @example
 * ```ts
 * const store = openSqliteHubStore("/srv/lshml/hub.sqlite");
 * const hub = createHub({ store });
 * ```
 */
export function openSqliteHubStore(path: string, options: SqliteHubStoreOptions = {}): HubStore {
  mkdirSync(dirname(path), { recursive: true });
  const busy = options.busyTimeoutMs ?? 10_000;
  const writer = open(path, busy);
  writer.exec("PRAGMA journal_mode = WAL");
  writer.exec("PRAGMA synchronous = FULL");
  writer.exec("BEGIN IMMEDIATE");
  try {
    for (const statement of SQLITE_SCHEMA) writer.exec(statement);
    writer.exec("COMMIT");
  } catch (error) {
    writer.exec("ROLLBACK");
    throw error;
  }
  const reader = open(path, busy);
  reader.exec("PRAGMA query_only = 1");
  const meta = reader.prepare(
    "SELECT schema_version, version, memories FROM hub_meta WHERE id = 1",
  );
  checkSchemaVersion(Number((meta.get() as Row).schema_version), path);
  const serial = createSerial();
  const since = (db: DatabaseSync, version: number) =>
    (db.prepare(
      "SELECT id, space, embedding, version FROM memories WHERE version > ? ORDER BY version",
    ).all(version) as Row[]).map(indexRow);

  const transaction = <T>(work: () => T): Promise<T> =>
    serial(() => {
      writer.exec("BEGIN IMMEDIATE");
      try {
        const result = work();
        writer.exec("COMMIT");
        return Promise.resolve(result);
      } catch (error) {
        writer.exec("ROLLBACK");
        return Promise.reject(error);
      }
    });

  return {
    kind: "sqlite",
    location: path,
    addClient: ({ requestKeyId, keyHash, createdMs }) =>
      transaction(() => {
        writer.prepare("INSERT INTO clients (key_id, key_hash, created_ms) VALUES (?, ?, ?)")
          .run(requestKeyId, keyHash, createdMs);
      }),
    clientByKeyHash: (keyHash) => {
      const row = reader.prepare("SELECT key_id FROM clients WHERE key_hash = ?").get(keyHash) as
        | Row
        | undefined;
      return Promise.resolve(row ? String(row.key_id) : undefined);
    },
    version: () => Promise.resolve(Number((meta.get() as Row).version)),
    rowsSince: (version) => Promise.resolve(since(reader, version)),
    records: (ids) => {
      if (ids.length === 0) return Promise.resolve([]);
      const rows = reader.prepare(
        `SELECT id, space, intent, experience, q, uses, contributor FROM memories
         WHERE id IN (${ids.map(() => "?").join(",")})`,
      ).all(...ids) as Row[];
      return Promise.resolve(rows.map((row): MemoryRecord => ({
        id: String(row.id),
        space: String(row.space),
        intent: String(row.intent),
        experience: String(row.experience),
        q: Number(row.q),
        uses: Number(row.uses),
        contributor: String(row.contributor),
      })));
    },
    ingest: <T>(work: (tx: HubWrite) => Promise<T>) =>
      serial(async () => {
        writer.exec("BEGIN IMMEDIATE");
        try {
          const bumped = writer.prepare(
            "UPDATE hub_meta SET version = version + 1 WHERE id = 1 RETURNING version",
          ).get() as Row;
          const result = await work(sqliteWrite(writer, Number(bumped.version), since));
          writer.exec("COMMIT");
          return result;
        } catch (error) {
          writer.exec("ROLLBACK");
          throw error;
        }
      }),
    feedback: ({ ids, reward, alpha, from }) =>
      transaction(() => {
        const update = writer.prepare(
          "UPDATE memories SET q = q + ? * (? - q), uses = uses + 1 WHERE id = ? RETURNING contributor",
        );
        const credit = writer.prepare(
          `UPDATE clients SET uses = uses + 1, helpful = helpful + ?, reward_sum = reward_sum + ?
           WHERE key_id = ?`,
        );
        let updated = 0;
        for (const id of new Set(ids)) {
          const row = update.get(alpha, reward, id) as Row | undefined;
          if (!row) continue;
          updated++;
          if (row.contributor !== from) {
            credit.run(reward > 0 ? 1 : 0, reward, String(row.contributor));
          }
        }
        return { updated };
      }),
    leaderboard: (limit) =>
      Promise.resolve(
        (reader.prepare(
          `SELECT key_id, memories, merged, uses, helpful, reward_sum FROM clients
           WHERE memories > 0 OR merged > 0 ORDER BY ${SCORE_SQL} DESC, created_ms LIMIT ?`,
        ).all(limit) as Row[]).map(contributor),
      ),
    counts: () => {
      const clients = reader.prepare("SELECT count(*) AS n FROM clients").get() as Row;
      return Promise.resolve({
        memories: Number((meta.get() as Row).memories),
        clients: Number(clients.n),
      });
    },
    close: () =>
      serial(() => {
        reader.close();
        writer.close();
        return Promise.resolve();
      }),
  };
}

function sqliteWrite(
  db: DatabaseSync,
  version: number,
  since: (db: DatabaseSync, version: number) => IndexRow[],
): HubWrite {
  return {
    version,
    rowsSince: (after) => Promise.resolve(since(db, after)),
    memoriesOf: (keyId) => {
      const row = db.prepare("SELECT memories FROM clients WHERE key_id = ?").get(keyId) as
        | Row
        | undefined;
      return Promise.resolve(Number(row?.memories ?? 0));
    },
    totalMemories: () =>
      Promise.resolve(Number((db.prepare("SELECT memories FROM hub_meta").get() as Row).memories)),
    insert: (rows) => {
      const insert = db.prepare(
        `INSERT INTO memories (id, space, dims, intent, experience, embedding, q, contributor,
          created_ms, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const count = db.prepare("UPDATE clients SET memories = memories + 1 WHERE key_id = ?");
      for (const r of rows) {
        insert.run(
          r.id,
          r.space,
          r.dims,
          r.intent,
          r.experience,
          encodeVector(r.embedding),
          r.q,
          r.contributor,
          r.createdMs,
          version,
        );
        count.run(r.contributor);
      }
      db.prepare("UPDATE hub_meta SET memories = memories + ?").run(rows.length);
      return Promise.resolve();
    },
    merge: (id, by) => {
      db.prepare("UPDATE memories SET merged = merged + 1 WHERE id = ?").run(id);
      db.prepare("UPDATE clients SET merged = merged + 1 WHERE key_id = ?").run(by);
      return Promise.resolve();
    },
  };
}
