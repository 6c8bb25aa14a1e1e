import { type Entry, toRecord } from "./_entry.ts";
import type { ListSort } from "./episodic_memory_types.ts";
import type { MemoryRecord } from "./memory_record.ts";
import { retentionValue } from "./retention.ts";

/** Sort keys of `list()`: larger first; ties newest first. */
const KEYS: Record<ListSort, (e: Entry, now: number) => number> = {
  recent: (e) => e.updatedAt,
  created: (e) => e.ordinal,
  q: (e) => e.q,
  used: (e) => e.selectedCount,
  value: (e, now) => retentionValue(e, now),
};

/** The records of `entries` sorted by `sort` (best first), from `offset`, at most `limit`. */
export function listEntries(
  entries: Iterable<Entry>,
  options: { readonly sort: ListSort; readonly limit?: number; readonly offset: number },
  now: number,
): MemoryRecord[] {
  const key = KEYS[options.sort];
  const sorted = [...entries]
    .map((entry) => ({ entry, key: key(entry, now) }))
    .sort((a, b) => b.key - a.key || b.entry.ordinal - a.entry.ordinal);
  const end = options.limit === undefined ? sorted.length : options.offset + options.limit;
  return sorted.slice(options.offset, end).map((s) => toRecord(s.entry));
}
