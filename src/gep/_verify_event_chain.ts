import type { JsonlReadResult } from "../store/mod.ts";
import { checkAsset, problemAt } from "./_check_asset.ts";
import { EvolutionEventSchema } from "./evolution_event.ts";
import type { AssetProblem, FileVerification } from "./verify_report.ts";

/** A line of the log: a parsed value, or a line that did not parse. */
type Entry =
  | { readonly line: number; readonly value: unknown }
  | { readonly line: number; readonly unreadable: string };

/** The last event that counts as the chain's end so far. */
interface Link {
  /** Its stored asset_id; undefined when the line could not be read. */
  readonly assetId: string | undefined;
  readonly line: number;
}

function entriesOf(read: JsonlReadResult<unknown>): Entry[] {
  const entries: Entry[] = read.records.map((value, i) => ({
    line: read.recordLines[i] ?? 0,
    value,
  }));
  for (const bad of read.invalid) entries.push({ line: bad.line, unreadable: bad.reason });
  return entries.sort((a, b) => a.line - b.line);
}

function parentOf(value: unknown): string | null | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const parent = (value as Record<string, unknown>).parent;
  return typeof parent === "string" || parent === null ? parent : undefined;
}

/** Where each stored asset_id first occurs. */
function assetIdLines(entries: readonly Entry[]): Map<string, number> {
  const lines = new Map<string, number>();
  for (const entry of entries) {
    if (!("value" in entry) || typeof entry.value !== "object" || entry.value === null) continue;
    const id = (entry.value as Record<string, unknown>).asset_id;
    if (typeof id === "string" && !lines.has(id)) lines.set(id, entry.line);
  }
  return lines;
}

/** Why `parent` does not continue the chain after `previous`, or undefined when it does. */
function chainProblem(
  parent: string | null,
  previous: Link | undefined,
  line: number,
  known: ReadonlyMap<string, number>,
): Pick<AssetProblem, "kind" | "message"> | undefined {
  const expected = previous?.assetId ?? null;
  if (parent === expected) return undefined;
  if (parent === null) {
    return {
      kind: "chain_broken",
      message: `parent is null, but this is not the first event (the event before it is ` +
        `on line ${previous?.line}, asset_id ${expected})`,
    };
  }
  const at = known.get(parent);
  if (at === undefined) {
    const previousNote = previous
      ? `; the event before it (line ${previous.line}) has asset_id ${expected}: ` +
        "events were deleted, or that event was replaced"
      : ": events before it were deleted";
    return {
      kind: "parent_missing",
      message: `parent ${parent} is no event in the log${previousNote}`,
    };
  }
  const before = previous
    ? `the previous event (line ${previous.line}) is ${expected}`
    : "this is the first event";
  const where = at > line
    ? "later in the file: events out of order"
    : "earlier in the file: events inserted or reordered";
  return {
    kind: "chain_broken",
    message: `parent ${parent} is the event on line ${at} (${where}), but ${before}`,
  };
}

/**
 * Verifies `events.jsonl`: each line on its own (JSON, schema, hash), no `id`
 * twice, and the chain — every event's `parent` must be the stored `asset_id`
 * of the event on the line before it (null for the first).
 *
 * What the chain check reports, and why it is enough: the link is the stored
 * `asset_id`, not a re-hash. A changed event is reported once, at its own line,
 * as an `asset_id_mismatch`; the event after it still names the stored id, so
 * it is not blamed. If the change also rewrote the `asset_id` to match, the
 * next line reports `parent_missing` (it names an id no longer in the log). A
 * deleted event shows up as `parent_missing` on the line after the gap; a
 * reordered pair as `chain_broken` on the lines involved; a repeated event as
 * `duplicate_id` (and it is left out of the chain, so its successor still
 * links). After a line that does not parse (or has no asset_id), the next
 * event's parent cannot be judged and is not checked. A torn last line is
 * reported with `integrity: false`.
 */
export function verifyEventChain(
  file: string,
  read: JsonlReadResult<unknown>,
): FileVerification {
  const entries = entriesOf(read);
  const known = assetIdLines(entries);
  const problems: AssetProblem[] = [];
  const seenIds = new Map<string, number>();
  let previous: Link | undefined;
  for (const entry of entries) {
    const place = { file, line: entry.line };
    if (!("value" in entry)) {
      problems.push(problemAt(place, { kind: "not_json", message: entry.unreadable }));
      previous = { assetId: undefined, line: entry.line };
      continue;
    }
    const check = checkAsset(entry.value, EvolutionEventSchema, place);
    problems.push(...check.problems);
    const ids = { id: check.id, assetId: check.assetId };
    const firstLine = check.id === undefined ? undefined : seenIds.get(check.id);
    if (check.id !== undefined && firstLine !== undefined) {
      const message = `id ${check.id} was already recorded on line ${firstLine}`;
      problems.push(problemAt(place, { kind: "duplicate_id", message, ...ids }));
      continue;
    }
    if (check.id !== undefined) seenIds.set(check.id, entry.line);
    const parent = parentOf(entry.value);
    // After a line whose asset_id is unknown, this event's parent cannot be judged.
    const judgeable = previous === undefined || previous.assetId !== undefined;
    if (parent !== undefined && judgeable) {
      const broken = chainProblem(parent, previous, entry.line, known);
      if (broken) problems.push(problemAt(place, { ...broken, ...ids }));
    }
    previous = { assetId: check.assetId, line: entry.line };
  }
  if (read.tornTail) {
    problems.push(problemAt({ file, line: read.tornTail.line }, {
      kind: "torn_tail",
      integrity: false,
      message: `the last line (${read.tornTail.bytes} bytes) was cut off mid-append; ` +
        "the next append moves it aside",
    }));
  }
  return { file, exists: true, checked: entries.length, problems };
}
