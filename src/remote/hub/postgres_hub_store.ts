import type postgres from "postgres";
import { checkSchemaVersion, POSTGRES_SCHEMA, SCORE_SQL } from "./_schema.ts";
import { decodeVector, encodeVector } from "./_vector_bytes.ts";
import type { HubStore, HubWrite, IndexRow, MemoryRecord } from "./hub_store.ts";

/** Options of {@link openPostgresHubStore}. */
export interface PostgresHubStoreOptions {
  /** Connections in this process's pool. Default 10. */
  readonly maxConnections?: number;
  /** Seconds to wait for a connection before failing. Default 10. */
  readonly connectTimeoutSeconds?: number;
}

type Sql = postgres.Sql;
type Tx = postgres.TransactionSql;
type Row = postgres.Row;

/** An advisory lock id that serialises schema creation when several hubs start at once. */
const SCHEMA_LOCK = 0x15b1_4b0b;
/** PostgreSQL's deadlock and serialisation failures: the transaction is safe to run again. */
const RETRYABLE = new Set(["40P01", "40001"]);
const ATTEMPTS = 3;

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`, for logs. */
function redactPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch (_error) {
    return "postgres://(unparsable URL)";
  }
}

async function retrying<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1;; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= ATTEMPTS || typeof code !== "string" || !RETRYABLE.has(code)) throw error;
    }
  }
}

const indexRow = (row: Row): IndexRow => ({
  id: String(row.id),
  space: String(row.space),
  embedding: decodeVector(row.embedding as Uint8Array),
  version: Number(row.version),
});

const since = async (sql: Sql | Tx, version: number): Promise<IndexRow[]> =>
  (await sql`SELECT id, space, embedding, version FROM memories
             WHERE version > ${version} ORDER BY version`).map(indexRow);

/**
 * The hub store for teams that outgrow one machine: PostgreSQL through the pure-JavaScript
 * `postgres` driver, loaded only when this is called. Any number of hub processes may share the
 * database: ingests take the version counter's row lock (`UPDATE hub_meta … RETURNING`), so they
 * commit in version order; feedback is a single atomic UPDATE per memory. Schema creation holds
 * an advisory lock, so hubs starting together do not race. Deadlocks and serialisation failures
 * are retried.
 *
 * @throws when the server cannot be reached or the schema is from a newer lshml.
 * @example
 * ```ts
 * const store = await openPostgresHubStore("postgres://lshml:secret@db.internal:5432/lshml");
 * ```
 */
export async function openPostgresHubStore(
  url: string,
  options: PostgresHubStoreOptions = {},
): Promise<HubStore> {
  const { default: connect } = await import("postgres");
  const sql = connect(url, {
    max: options.maxConnections ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    onnotice: () => undefined,
    connection: { application_name: "lshml-hub" },
  });
  const location = redactPostgresUrl(url);
  try {
    await sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`;
      for (const statement of POSTGRES_SCHEMA) await tx.unsafe(statement);
    });
    const [meta] = await sql`SELECT schema_version FROM hub_meta WHERE id = 1`;
    checkSchemaVersion(Number(meta?.schema_version), location);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
  return {
    kind: "postgres",
    location,
    addClient: async ({ requestKeyId, keyHash, createdMs }) => {
      await sql`INSERT INTO clients (key_id, key_hash, created_ms)
                VALUES (${requestKeyId}, ${keyHash}, ${createdMs})`;
    },
    clientByKeyHash: async (keyHash) => {
      const [row] = await sql`SELECT key_id FROM clients WHERE key_hash = ${keyHash}`;
      return row ? String(row.key_id) : undefined;
    },
    version: async () => Number((await sql`SELECT version FROM hub_meta WHERE id = 1`)[0]?.version),
    rowsSince: (version) => since(sql, version),
    records: async (ids) => {
      if (ids.length === 0) return [];
      const rows = await sql`SELECT id, space, intent, experience, q, uses, contributor
                             FROM memories WHERE id IN ${sql([...ids])}`;
      return rows.map((row): MemoryRecord => ({
        id: String(row.id),
        space: String(row.space),
        intent: String(row.intent),
        experience: String(row.experience),
        q: Number(row.q),
        uses: Number(row.uses),
        contributor: String(row.contributor),
      }));
    },
    ingest: <T>(work: (tx: HubWrite) => Promise<T>) =>
      retrying(() =>
        sql.begin(async (tx) => {
          const [bumped] = await tx`UPDATE hub_meta SET version = version + 1 WHERE id = 1
                                    RETURNING version`;
          return { value: await work(postgresWrite(tx, Number(bumped?.version))) };
        }) as Promise<{ value: T }>
      ).then((wrapped) => wrapped.value),
    feedback: ({ ids, reward, alpha, from }) =>
      retrying(() =>
        sql.begin(async (tx) => {
          const unique = [...new Set(ids)].sort();
          const rows = await tx`UPDATE memories SET q = q + ${alpha} * (${reward} - q),
                                uses = uses + 1 WHERE id IN ${tx(unique)} RETURNING contributor`;
          const credits = new Map<string, number>();
          for (const row of rows) {
            const owner = String(row.contributor);
            if (owner !== from) credits.set(owner, (credits.get(owner) ?? 0) + 1);
          }
          // Lock contributors in one order, so two feedbacks never deadlock on them.
          for (const [owner, n] of [...credits].sort(([a], [b]) => a.localeCompare(b))) {
            await tx`UPDATE clients SET uses = uses + ${n},
                     helpful = helpful + ${reward > 0 ? n : 0},
                     reward_sum = reward_sum + ${n * reward} WHERE key_id = ${owner}`;
          }
          return { updated: rows.length };
        }) as Promise<{ updated: number }>
      ),
    leaderboard: async (limit) =>
      (await sql`SELECT key_id, memories, merged, uses, helpful, reward_sum FROM clients
                 WHERE memories > 0 OR merged > 0
                 ORDER BY ${sql.unsafe(SCORE_SQL)} DESC, created_ms LIMIT ${limit}`)
        .map((row) => ({
          requestKeyId: String(row.key_id),
          memories: Number(row.memories),
          merged: Number(row.merged),
          uses: Number(row.uses),
          helpful: Number(row.helpful),
          rewardSum: Number(row.reward_sum),
        })),
    counts: async () => {
      const [row] = await sql`SELECT (SELECT memories FROM hub_meta WHERE id = 1) AS memories,
                                     (SELECT count(*) FROM clients) AS clients`;
      return { memories: Number(row?.memories), clients: Number(row?.clients) };
    },
    close: async () => {
      await sql.end({ timeout: 5 });
    },
  };
}

function postgresWrite(tx: Tx, version: number): HubWrite {
  return {
    version,
    rowsSince: (after) => since(tx, after),
    memoriesOf: async (keyId) =>
      Number((await tx`SELECT memories FROM clients WHERE key_id = ${keyId}`)[0]?.memories ?? 0),
    totalMemories: async () =>
      Number((await tx`SELECT memories FROM hub_meta WHERE id = 1`)[0]?.memories),
    insert: async (rows) => {
      if (rows.length === 0) return;
      const values = rows.map((r) => ({
        id: r.id,
        space: r.space,
        dims: r.dims,
        intent: r.intent,
        experience: r.experience,
        embedding: encodeVector(r.embedding),
        q: r.q,
        contributor: r.contributor,
        created_ms: r.createdMs,
        version,
      }));
      await tx`INSERT INTO memories ${tx(values)}`;
      const perKey = new Map<string, number>();
      for (const r of rows) perKey.set(r.contributor, (perKey.get(r.contributor) ?? 0) + 1);
      for (const [key, n] of perKey) {
        await tx`UPDATE clients SET memories = memories + ${n} WHERE key_id = ${key}`;
      }
      await tx`UPDATE hub_meta SET memories = memories + ${rows.length} WHERE id = 1`;
    },
    merge: async (id, by) => {
      await tx`UPDATE memories SET merged = merged + 1 WHERE id = ${id}`;
      await tx`UPDATE clients SET merged = merged + 1 WHERE key_id = ${by}`;
    },
  };
}
