/**
 * What can be wrong with a GEP asset file:
 * - `not_json`: the file (JSON files) or a line (events.jsonl) does not parse;
 * - `schema`: it parses but is not a valid Gene / Capsule / EvolutionEvent / document;
 * - `asset_id_mismatch`: the content does not hash to its `asset_id` (changed after creation);
 * - `duplicate_id`: a second asset with an `id` already used in the same file;
 * - `parent_missing`: an event's `parent` is no event in the log (events deleted);
 * - `chain_broken`: an event's `parent` is not the `asset_id` of the event before it
 *   (events reordered, inserted, or a rewritten event's successor);
 * - `torn_tail`: the last line was cut off mid-append — reported, not an integrity failure.
 */
export type AssetProblemKind =
  | "not_json"
  | "schema"
  | "asset_id_mismatch"
  | "duplicate_id"
  | "parent_missing"
  | "chain_broken"
  | "torn_tail";

/** One problem, with enough location to find it. */
export interface AssetProblem {
  /** The file, relative to the home (`assets/gep/events.jsonl`), or `built-in:…`. */
  readonly file: string;
  readonly kind: AssetProblemKind;
  /** What is wrong, quoting the values involved. */
  readonly message: string;
  /** False only for problems that do not put the record in doubt (a torn tail). */
  readonly integrity: boolean;
  /** 1-based line: the event's line, or where a JSON file's array element starts. */
  readonly line?: number;
  /** Index in the JSON file's `genes` / `capsules` array. */
  readonly index?: number;
  /** The asset's `id`, when it has one. */
  readonly id?: string;
  /** The asset's stored `asset_id`, when it has one. */
  readonly assetId?: string;
}

/** The result for one file. */
export interface FileVerification {
  /** Relative to the home, or `built-in:assets/gep/genes.json`. */
  readonly file: string;
  readonly exists: boolean;
  /** Assets looked at (array elements or event lines, including the broken ones). */
  readonly checked: number;
  readonly problems: AssetProblem[];
}

/** What {@link verifyAssets} found. */
export interface VerifyReport {
  /** True when no problem with `integrity: true` was found. */
  readonly ok: boolean;
  /** Assets looked at in all files. */
  readonly checked: number;
  /** Per file: the built-in library, genes.json, capsules.json, events.jsonl. */
  readonly files: FileVerification[];
  /** Every problem of every file, in that order. */
  readonly problems: AssetProblem[];
}
