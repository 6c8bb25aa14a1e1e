import type { Lang } from "./lang.ts";
import type { SignalType } from "./signal_types.ts";

/**
 * One signal type found in a text by {@linkcode classifyText}.
 *
 * @example
 * ```ts
 * const m: TextMatch = {
 *   type: "timeout",
 *   lang: "en",
 *   pattern: "en.timeout.timed_out",
 *   index: 8,
 *   match: "timed out",
 * };
 * ```
 */
export interface TextMatch {
  readonly type: SignalType;
  /** The language of the phrase that matched (machine strings such as ENOENT count as "en"). */
  readonly lang: Lang;
  /** Stable pattern id `<table>.<type>.<name>`; table is a Lang, or "sys" for machine strings. */
  readonly pattern: string;
  /** Offset of the match in UTF-16 code units. */
  readonly index: number;
  /** The matched text, as written. */
  readonly match: string;
}
