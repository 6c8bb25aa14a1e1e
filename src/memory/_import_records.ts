import { type MemoryExport, MemoryExportSchema } from "./memory_export.ts";
import { type MemoryRecord, MemoryRecordSchema } from "./memory_record.ts";

/** Records that are memories, and why the others are not (by index in the input). */
export interface CheckedRecords {
  readonly valid: MemoryRecord[];
  readonly invalid: { readonly index: number; readonly reason: string }[];
}

/**
 * Checks what `importAll` was given: an export (all of it must match the schema), or a plain
 * array whose records are checked one by one.
 *
 * @throws {ZodError} when an export object does not have the export's shape.
 */
export function checkRecords(records: MemoryExport | readonly unknown[]): CheckedRecords {
  const list = Array.isArray(records) ? records : MemoryExportSchema.parse(records).memories;
  const result: CheckedRecords = { valid: [], invalid: [] };
  list.forEach((record, index) => {
    const parsed = MemoryRecordSchema.safeParse(record);
    if (parsed.success) result.valid.push(parsed.data);
    else result.invalid.push({ index, reason: parsed.error.issues[0]?.message ?? "not a memory" });
  });
  return result;
}

/** What an imported record carries into its memory besides the text (times in ms). */
export type CarriedFields = ReturnType<typeof carriedFields>;

/** The learned values, counts and times an imported record keeps (times in ms). */
export function carriedFields(record: MemoryRecord) {
  return {
    q: record.q,
    visits: record.visits,
    selectedCount: record.selectedCount,
    successCount: record.successCount,
    failureCount: record.failureCount,
    lastReward: record.lastReward,
    createdAt: Date.parse(record.createdAt),
    lastUsedAt: record.lastUsedAt === undefined ? null : Date.parse(record.lastUsedAt),
    origin: record.origin,
  };
}
