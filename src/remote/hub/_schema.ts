import { MEMORY_CREDIT } from "./hub_store.ts";

/**
 * The hub's tables, for both back ends (private to the hub). Types differ only where the
 * dialects do (BLOB/BYTEA, REAL/DOUBLE PRECISION, INTEGER/BIGINT).
 */

/** Format of the hub database; a newer one is refused, never silently used. */
export const HUB_SCHEMA_VERSION = 1;

/** Column types of one SQL dialect. */
interface Dialect {
  readonly bytes: string;
  readonly real: string;
  readonly int: string;
}

const SQLITE: Dialect = { bytes: "BLOB", real: "REAL", int: "INTEGER" };
const POSTGRES: Dialect = { bytes: "BYTEA", real: "DOUBLE PRECISION", int: "BIGINT" };

function statements(d: Dialect): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS hub_meta (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      schema_version INTEGER NOT NULL,
      version ${d.int} NOT NULL,
      memories ${d.int} NOT NULL
    )`,
    `INSERT INTO hub_meta (id, schema_version, version, memories)
      VALUES (1, ${HUB_SCHEMA_VERSION}, 0, 0) ON CONFLICT (id) DO NOTHING`,
    `CREATE TABLE IF NOT EXISTS clients (
      key_id TEXT PRIMARY KEY,
      key_hash TEXT NOT NULL UNIQUE,
      created_ms ${d.int} NOT NULL,
      memories ${d.int} NOT NULL DEFAULT 0,
      merged ${d.int} NOT NULL DEFAULT 0,
      uses ${d.int} NOT NULL DEFAULT 0,
      helpful ${d.int} NOT NULL DEFAULT 0,
      reward_sum ${d.real} NOT NULL DEFAULT 0
    )`,
    `CREATE TABLE IF NOT EXISTS memories (
      id TEXT PRIMARY KEY,
      space TEXT NOT NULL,
      dims INTEGER NOT NULL,
      intent TEXT NOT NULL,
      experience TEXT NOT NULL,
      embedding ${d.bytes} NOT NULL,
      q ${d.real} NOT NULL,
      uses ${d.int} NOT NULL DEFAULT 0,
      merged ${d.int} NOT NULL DEFAULT 0,
      contributor TEXT NOT NULL,
      created_ms ${d.int} NOT NULL,
      version ${d.int} NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS memories_version ON memories (version)`,
  ];
}

/** The statements that create the schema in SQLite (idempotent). */
export const SQLITE_SCHEMA: readonly string[] = statements(SQLITE);
/** The statements that create the schema in PostgreSQL (idempotent). */
export const POSTGRES_SCHEMA: readonly string[] = statements(POSTGRES);

/** The leaderboard's ORDER BY: rewards received plus a small credit per memory (`MEMORY_CREDIT`). */
export const SCORE_SQL = `(reward_sum + ${MEMORY_CREDIT} * memories)`;

/**
 * Refuses a database written by a newer hub.
 *
 * @throws {RangeError} naming both versions.
 */
export function checkSchemaVersion(found: number, where: string): void {
  if (found > HUB_SCHEMA_VERSION) {
    throw new RangeError(
      `the hub database at ${where} has format ${found}; this lshml reads up to ` +
        `${HUB_SCHEMA_VERSION}: upgrade lshml`,
    );
  }
}
