import { SIGNAL_TYPES } from "../signals/mod.ts";
import type { Gene } from "./gene.ts";

const TYPES: ReadonlySet<string> = new Set(SIGNAL_TYPES);

/** What a gene is matched against: a cluster's signal types and its text. */
export interface GeneMatchInput {
  /** Signal types seen with the cluster (`timeout`, `tool_error`, …). */
  readonly signals: readonly string[];
  /** The cluster's template and/or representative error text. */
  readonly text?: string;
}

/** Which of a gene's `signals_match` entries matched. */
export interface GeneMatch {
  /** Entries that are signal types and were among the signals. */
  readonly types: string[];
  /** Keyword entries found in the text. */
  readonly keywords: string[];
  /** True when anything matched. */
  readonly matched: boolean;
}

/**
 * Matches a gene's `signals_match` against a cluster. The semantics of an
 * entry: if it is one of `SIGNAL_TYPES` it matches exactly that signal type;
 * otherwise it is a keyword, matched as a plain substring (no regex, no word
 * boundaries) of the lower-cased text. How much each kind of match weighs is
 * the selector's decision, not this function's.
 *
 * @example
 * ```ts
 * matchGene(gene, { signals: ["tool_error"], text: "read: ENOENT: no such file <*>" });
 * // { types: [], keywords: ["enoent", "no such file"], matched: true }
 * ```
 */
export function matchGene(gene: Pick<Gene, "signals_match">, input: GeneMatchInput): GeneMatch {
  const seen = new Set(input.signals);
  const text = (input.text ?? "").toLowerCase();
  const types: string[] = [];
  const keywords: string[] = [];
  for (const entry of gene.signals_match) {
    if (TYPES.has(entry)) {
      if (seen.has(entry)) types.push(entry);
    } else if (text.includes(entry)) {
      keywords.push(entry);
    }
  }
  return { types, keywords, matched: types.length + keywords.length > 0 };
}
