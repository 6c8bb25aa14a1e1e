import { z } from "zod";
import { defineVersionedFile } from "../store/mod.ts";

/**
 * `memory/episodic-memory.json`: the metadata snapshot, a versioned file of the store. Memories
 * are stored as columns (one array per field) because 50k memories must load in well under
 * 200 ms: JSON.parse of arrays is about twice as fast as of 50k objects, and a column is
 * checked by one tight loop instead of a schema walk per object. The bulky parts — vectors,
 * and the intent and experience texts — are in the binary sidecar of the same generation,
 * rows in the order of these columns (grouped by space, in the order of `spaces`); operations
 * since the snapshot are in that generation's log. `lshml memory export` is the readable form.
 */

/**
 * A column check: an array whose every element passes `test`. A plain loop, no callback per
 * element through `every`: it runs over 15 columns × 50k memories at every load.
 */
function isArrayOf(test: (v: unknown) => boolean) {
  return (value: unknown): boolean => {
    if (!Array.isArray(value)) return false;
    for (let i = 0; i < value.length; i++) if (!test(value[i])) return false;
    return true;
  };
}
const isString = (v: unknown) => typeof v === "string";
const isCount = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isTime = (v: unknown) => typeof v === "number" && Number.isFinite(v);
const isUnit = (v: unknown) => typeof v === "number" && v >= -1 && v <= 1;
const orNull = (test: (v: unknown) => boolean) => (v: unknown) => v === null || test(v);
const isOrigin = (v: unknown) => v === "local" || v === "remote";

const column = <T>(test: (v: unknown) => boolean, what: string) =>
  z.custom<T[]>(isArrayOf(test), { message: `expected an array of ${what}` });

/** The memories, one array per field, all of the same length. */
export const ColumnsSchema = z.object({
  id: column<string>(isString, "strings"),
  /** Index into `spaces`. */
  space: column<number>(isCount, "space indexes"),
  q: column<number>(isUnit, "numbers in [-1, 1]"),
  visits: column<number>(isCount, "counts"),
  selectedCount: column<number>(isCount, "counts"),
  successCount: column<number>(isCount, "counts"),
  failureCount: column<number>(isCount, "counts"),
  lastReward: column<number | null>(orNull(isUnit), "numbers in [-1, 1] or null"),
  createdAt: column<number>(isTime, "times (ms)"),
  updatedAt: column<number>(isTime, "times (ms)"),
  lastUsedAt: column<number | null>(orNull(isTime), "times (ms) or null"),
  origin: column<"local" | "remote">(isOrigin, `"local" or "remote"`),
  ordinal: column<number>(isCount, "ordinals"),
}).refine((c) => Object.values(c).every((col) => col.length === c.id.length), {
  message: "columns of different lengths",
});

/** The memories' columns. */
export type Columns = z.infer<typeof ColumnsSchema>;

const SnapshotSchema = z.object({
  version: z.literal(1),
  /** Bumped by every compaction; names the sidecar and the log of this snapshot. */
  generation: z.number().int().nonnegative(),
  writtenAt: z.string(),
  nextOrdinal: z.number().int().nonnegative(),
  addsSinceFit: z.number().int().nonnegative(),
  /** Embedding spaces in sidecar order, each with its dimension count and number of rows. */
  spaces: z.array(z.object({
    id: z.string().min(1),
    dims: z.number().int().positive(),
    rows: z.number().int().nonnegative(),
  })),
  /** Byte length of the sidecar's texts (UTF-8 intents and experiences), checked on read. */
  textBytes: z.number().int().nonnegative(),
  /** Frozen corpus statistics of the local embedder, fitted on the intents (or null). */
  statistics: z.object({
    documents: z.number().int().nonnegative(),
    hashes: column<number>(isCount, "feature hashes"),
    frequencies: column<number>(isCount, "document frequencies"),
  }).nullable(),
  memories: ColumnsSchema,
});

/** The snapshot document. */
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** An empty column set. */
export function emptyColumns(): Columns {
  return {
    id: [],
    space: [],
    q: [],
    visits: [],
    selectedCount: [],
    successCount: [],
    failureCount: [],
    lastReward: [],
    createdAt: [],
    updatedAt: [],
    lastUsedAt: [],
    origin: [],
    ordinal: [],
  };
}

/** The versioned-file spec of `memory/episodic-memory.json`. */
export const SnapshotFile = defineVersionedFile<Snapshot>({
  name: "episodic memory",
  version: 1,
  schema: SnapshotSchema,
  pretty: false,
  empty: () => ({
    version: 1,
    generation: 0,
    writtenAt: new Date(0).toISOString(),
    nextOrdinal: 0,
    addsSinceFit: 0,
    spaces: [],
    textBytes: 0,
    statistics: null,
    memories: emptyColumns(),
  }),
});
