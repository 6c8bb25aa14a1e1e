import { readFile, unlink } from "node:fs/promises";
import { z } from "zod";
import { writeFileAtomic } from "./atomic_write.ts";
import { appendJsonl, readJsonl } from "./jsonl.ts";
import { quarantine } from "./quarantine.ts";

/**
 * Multi-file commits. A scan or an evolution cycle changes several files
 * (clusters and offsets; feedback, knowledge and events). Each write is atomic
 * on its own, but a crash between two of them would leave the files telling
 * different stories — e.g. clusters counted but offsets not advanced, so the
 * same events would be counted again.
 *
 * So the whole change is first written to a journal file (atomically: that
 * write is the commit point), then applied file by file, then the journal is
 * removed. Whoever next takes the same lock finds a leftover journal and
 * applies it again before doing anything else. Replaying is harmless: writes
 * replace whole files, and appends skip records whose `id` is already there.
 *
 * The caller must hold one lock that every writer of these files holds.
 */

/** One change inside a transaction. */
export type TxOp =
  | { readonly kind: "write"; readonly path: string; readonly content: string }
  | {
    readonly kind: "append";
    readonly path: string;
    /** JSON objects with a unique string `id`, so a replay can skip those already appended. */
    readonly records: readonly { readonly id: string }[];
  };

const Journal = z.object({
  version: z.literal(1),
  ops: z.array(z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("write"), path: z.string(), content: z.string() }),
    z.object({
      kind: z.literal("append"),
      path: z.string(),
      records: z.array(z.looseObject({ id: z.string() })),
    }),
  ])),
});

async function applyAppend(op: Extract<TxOp, { kind: "append" }>, replay: boolean) {
  let records = op.records;
  if (replay) {
    const existing = await readJsonl<{ id?: unknown }>(op.path);
    const seen = new Set(existing.records.map((r) => r.id));
    records = records.filter((r) => !seen.has(r.id));
  }
  if (records.length > 0) await appendJsonl(op.path, records);
}

async function apply(ops: readonly TxOp[], replay: boolean): Promise<void> {
  for (const op of ops) {
    if (op.kind === "write") await writeFileAtomic(op.path, op.content);
    else await applyAppend(op, replay);
  }
}

/**
 * Applies `ops` all-or-nothing across crashes (see the module comment).
 *
 * @example
 * ```ts
 * await withLock(engineLock, () =>
 *   commitTransaction(journal, [
 *     { kind: "write", path: registryPath, content: JSON.stringify(registry) },
 *     { kind: "write", path: statePath, content: JSON.stringify(state) },
 *   ]));
 * ```
 */
export async function commitTransaction(journalPath: string, ops: readonly TxOp[]): Promise<void> {
  if (ops.length === 0) return;
  await writeFileAtomic(journalPath, JSON.stringify({ version: 1, ops }));
  await apply(ops, false);
  await unlink(journalPath);
}

/** What {@link recoverTransaction} found. */
export type Recovery =
  | { readonly status: "none" }
  | { readonly status: "replayed"; readonly ops: number }
  | { readonly status: "quarantined"; readonly to: string };

/**
 * Finishes a transaction that a crash interrupted. Call it under the same lock,
 * before reading the files the transaction touches.
 */
export async function recoverTransaction(
  journalPath: string,
  now: () => Date = () => new Date(),
): Promise<Recovery> {
  let text: string;
  try {
    text = await readFile(journalPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { status: "none" };
    throw error;
  }
  let parsed: z.infer<typeof Journal>;
  try {
    parsed = Journal.parse(JSON.parse(text));
  } catch {
    // Cannot happen through commitTransaction (the journal is written atomically);
    // someone edited it. Keep it for inspection rather than guess.
    return { status: "quarantined", to: await quarantine(journalPath, now()) };
  }
  await apply(parsed.ops, true);
  await unlink(journalPath);
  return { status: "replayed", ops: parsed.ops.length };
}
