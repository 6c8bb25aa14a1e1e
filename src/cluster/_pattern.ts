import { WILDCARD } from "./mask_variables.ts";
import { type TokenRow, tokenRow } from "./_similarity.ts";
import { generaliseToken, globMatches } from "./_token_glob.ts";

/** A live template inside the miner (mutable; serialised as a `ClusterRecord`). */
export interface Pattern {
  readonly id: string;
  /** Creation order, used to break ties deterministically (restored from the state's order). */
  readonly seq: number;
  template: string[];
  /** `template` with its masked-token flags, rebuilt whenever the template generalises. */
  row: TokenRow;
  size: number;
  /** Index bucket the pattern is filed under; kept in sync by `PrefixIndex`. */
  key: string;
  /** How many constant tokens a line may differ in and still join (floor(ratio × constants)). */
  maxMismatches: number;
  /** Number of constant (non-`<*>`) tokens in `template`. */
  constants: number;
}

/** Creates a pattern from its first template. */
export function newPattern(
  id: string,
  seq: number,
  template: string[],
  options: { size: number; maxMismatchRatio: number },
): Pattern {
  const pattern: Pattern = {
    id,
    seq,
    template,
    row: tokenRow(template),
    size: options.size,
    key: "",
    maxMismatches: 0,
    constants: 0,
  };
  recount(pattern, options.maxMismatchRatio);
  return pattern;
}

/**
 * Drain's template update: every position where the line differs from the template becomes
 * `<*>`, keeping punctuation the two tokens share (`'<*>')`, `user=<*>`; see
 * {@link generaliseToken}). Returns whether the template changed.
 */
export function generalise(
  pattern: Pattern,
  tokens: readonly string[],
  maxMismatchRatio: number,
): boolean {
  let changed = false;
  for (let i = 0; i < pattern.template.length; i++) {
    const token = pattern.template[i] as string;
    const actual = tokens[i] as string;
    if (token === WILDCARD || token === actual) continue;
    if (pattern.row.masked[i] === 1 && globMatches(token, actual)) continue;
    pattern.template[i] = generaliseToken(token, actual);
    changed = true;
  }
  if (changed) recount(pattern, maxMismatchRatio);
  return changed;
}

function recount(pattern: Pattern, maxMismatchRatio: number): void {
  pattern.row = tokenRow(pattern.template);
  let constants = 0;
  for (const token of pattern.template) if (token !== WILDCARD) constants++;
  pattern.constants = constants;
  // The epsilon keeps 0.25 × 4 at 1 despite binary floating point.
  pattern.maxMismatches = Math.floor(maxMismatchRatio * constants + 1e-9);
}
