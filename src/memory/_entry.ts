import type { MemoryOrigin, MemoryRecord } from "./memory_record.ts";

/**
 * A memory as the engine keeps it in RAM: a mutable record with times in milliseconds since
 * the epoch (retention compares them for every memory on each eviction) and its insertion
 * `ordinal`. Its vector lives in the space's vector index.
 */
export interface Entry {
  readonly id: string;
  intent: string;
  experience: string;
  space: string;
  q: number;
  visits: number;
  selectedCount: number;
  successCount: number;
  failureCount: number;
  lastReward: number | null;
  createdAt: number;
  updatedAt: number;
  lastUsedAt: number | null;
  origin: MemoryOrigin;
  /** Insertion order, unique and increasing within a store: the fresh quota's notion of "newest". */
  readonly ordinal: number;
}

/** The public record of an entry (ISO times). */
export function toRecord(entry: Entry): MemoryRecord {
  const record: MemoryRecord = {
    id: entry.id,
    intent: entry.intent,
    experience: entry.experience,
    space: entry.space,
    q: entry.q,
    visits: entry.visits,
    selectedCount: entry.selectedCount,
    successCount: entry.successCount,
    failureCount: entry.failureCount,
    lastReward: entry.lastReward,
    createdAt: new Date(entry.createdAt).toISOString(),
    updatedAt: new Date(entry.updatedAt).toISOString(),
    origin: entry.origin,
  };
  if (entry.lastUsedAt !== null) record.lastUsedAt = new Date(entry.lastUsedAt).toISOString();
  return record;
}

/** The texts of a loaded snapshot: UTF-8 bytes, with intent and experience offsets per row. */
export interface TextTable {
  /** Row i's intent is bytes[offsets[2i], offsets[2i+1]), its experience up to offsets[2i+2]. */
  readonly offsets: Uint32Array;
  readonly bytes: Uint8Array;
}

const decoder = new TextDecoder();

/**
 * An entry loaded from a snapshot whose texts are decoded on first use: loading 50k memories
 * then costs no text decoding at all, and recall decodes only the k1 candidates it returns.
 */
export class StoredEntry implements Entry {
  readonly id: string;
  space: string;
  q: number;
  visits: number;
  selectedCount: number;
  successCount: number;
  failureCount: number;
  lastReward: number | null;
  createdAt: number;
  updatedAt: number;
  lastUsedAt: number | null;
  origin: MemoryOrigin;
  readonly ordinal: number;
  readonly #texts: TextTable;
  readonly #row: number;
  #intent: string | undefined;
  #experience: string | undefined;

  /** `fields`: everything but the texts, which are row `row` of `texts`. */
  constructor(fields: Omit<Entry, "intent" | "experience">, texts: TextTable, row: number) {
    this.id = fields.id;
    this.space = fields.space;
    this.q = fields.q;
    this.visits = fields.visits;
    this.selectedCount = fields.selectedCount;
    this.successCount = fields.successCount;
    this.failureCount = fields.failureCount;
    this.lastReward = fields.lastReward;
    this.createdAt = fields.createdAt;
    this.updatedAt = fields.updatedAt;
    this.lastUsedAt = fields.lastUsedAt;
    this.origin = fields.origin;
    this.ordinal = fields.ordinal;
    this.#texts = texts;
    this.#row = row;
  }

  get intent(): string {
    return this.#intent ??= this.#text(2 * this.#row);
  }

  set intent(value: string) {
    this.#intent = value;
  }

  get experience(): string {
    return this.#experience ??= this.#text(2 * this.#row + 1);
  }

  set experience(value: string) {
    this.#experience = value;
  }

  #text(at: number): string {
    const { offsets, bytes } = this.#texts;
    return decoder.decode(bytes.subarray(offsets[at]!, offsets[at + 1]!));
  }
}

/** Encodes rows' texts into a {@link TextTable}. */
export function encodeTexts(
  rows: readonly { readonly intent: string; readonly experience: string }[],
): TextTable {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const offsets = new Uint32Array(2 * rows.length + 1);
  let at = 0;
  rows.forEach((row, i) => {
    for (const [k, text] of [[2 * i, row.intent], [2 * i + 1, row.experience]] as const) {
      const encoded = encoder.encode(text);
      parts.push(encoded);
      at += encoded.length;
      offsets[k + 1] = at;
    }
  });
  const bytes = new Uint8Array(at);
  let pos = 0;
  for (const part of parts) {
    bytes.set(part, pos);
    pos += part.length;
  }
  return { offsets, bytes };
}
