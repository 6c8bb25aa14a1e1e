import { z } from "zod";
import { MemoryRecordSchema } from "../memory/mod.ts";
import { redactSecrets } from "../redact/mod.ts";

/** A memory given as plain text: what `memory import` accepts besides lshml's own exports. */
const PlainMemorySchema = z.object({
  intent: z.string().trim().min(1).max(4000),
  experience: z.string().trim().min(1).max(12_000),
}).strip();

/** What an import file holds, split by kind, with the items it could not use. */
export interface ImportInput {
  /** Records from `lshml memory export` (ids, Q and counts kept). */
  readonly records: readonly z.infer<typeof MemoryRecordSchema>[];
  /** Plain `{intent, experience}` items: new memories, Q from `learning.qInit`. */
  readonly plain: readonly z.infer<typeof PlainMemorySchema>[];
  /** Position (1-based line for JSON lines, index for JSON) and why it was left out. */
  readonly invalid: readonly { readonly at: string; readonly reason: string }[];
}

function items(text: string): { at: string; value: unknown; error?: string }[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const doc: unknown = JSON.parse(trimmed);
      const list = Array.isArray(doc)
        ? doc
        : typeof doc === "object" && doc !== null && "memories" in doc &&
            Array.isArray(doc.memories)
        ? doc.memories
        : [doc];
      return list.map((value, i) => ({ at: `item ${i}`, value }));
    } catch {
      // Not one JSON document: read it as JSON lines below.
    }
  }
  return text.split("\n").flatMap((line, i) => {
    if (line.trim() === "") return [];
    try {
      return [{ at: `line ${i + 1}`, value: JSON.parse(line) as unknown }];
    } catch (error) {
      return [{ at: `line ${i + 1}`, value: undefined, error: (error as Error).message }];
    }
  });
}

const clean = (text: string) => redactSecrets(text).text;

/**
 * Reads what `lshml memory import` is given: an export of `lshml memory export` (one JSON
 * document), a JSON array, or JSON lines, each item a full memory record or a plain
 * `{ "intent": …, "experience": … }`. Everything is untrusted: items are validated one by one
 * (a bad one is reported with its position, the rest still import) and every text goes through
 * secret redaction before it is stored, whatever the file claims.
 *
 * @example
 * ```ts
 * parseImportInput('{"intent":"deploy","experience":"use helm"}\n');
 * // { records: [], plain: [{ intent: "deploy", experience: "use helm" }], invalid: [] }
 * ```
 */
export function parseImportInput(text: string): ImportInput {
  const records: z.infer<typeof MemoryRecordSchema>[] = [];
  const plain: z.infer<typeof PlainMemorySchema>[] = [];
  const invalid: { at: string; reason: string }[] = [];
  for (const item of items(text)) {
    if (item.error) {
      invalid.push({ at: item.at, reason: `not JSON (${item.error})` });
      continue;
    }
    const record = MemoryRecordSchema.safeParse(item.value);
    if (record.success) {
      const r = record.data;
      records.push({ ...r, intent: clean(r.intent), experience: clean(r.experience) });
      continue;
    }
    const simple = PlainMemorySchema.safeParse(item.value);
    if (simple.success) {
      plain.push({ intent: clean(simple.data.intent), experience: clean(simple.data.experience) });
      continue;
    }
    const issue = simple.error.issues[0];
    invalid.push({
      at: item.at,
      reason: `${issue?.path.join(".") || "(item)"}: ${issue?.message ?? "not a memory"}`,
    });
  }
  return { records, plain, invalid };
}
