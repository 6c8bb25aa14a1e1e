import type { Lang } from "./lang.ts";
import type { SignalType } from "./signal_types.ts";

/**
 * One named phrase pattern: a RegExp source, or a list of alternatives that are
 * joined with `|`. Sources are compiled case-insensitively (use `(?-i:…)` for the
 * parts that must match case), must not contain capture groups (nothing reads
 * them, and they cost time on every match), and must match within one line: the
 * matcher examines only the lines that hold a literal the pattern requires, so
 * `^` and `$` mean the start and end of a line.
 */
export type PhrasePattern = readonly [name: string, source: string | readonly string[]];

/** The phrase patterns of one language, by signal type. */
export type PatternTable = { readonly [T in SignalType]?: readonly PhrasePattern[] };

/**
 * A table with the facts the matcher needs: the id prefix (`table`), the language
 * a match is reported in, and the script — `latin` tables run on every text,
 * `han` tables only on text that contains Han characters or kana.
 */
export interface PatternSet {
  readonly table: Lang | "sys";
  readonly lang: Lang;
  readonly script: "latin" | "han";
  readonly patterns: PatternTable;
}
