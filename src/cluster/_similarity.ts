import { WILDCARD } from "./mask_variables.ts";
import { globMatches } from "./_token_glob.ts";

/** Returned by {@link matchedConstants} when the line cannot belong to the template at all. */
export const NO_MATCH = -1;

/** Tokens plus, per token, whether it holds a masked part (computed once, compared often). */
export interface TokenRow {
  readonly tokens: readonly string[];
  /** 1 where the token contains `<*>` (including `<*>` itself), else 0. */
  readonly masked: Uint8Array;
}

/** Builds a {@link TokenRow}. */
export function tokenRow(tokens: readonly string[]): TokenRow {
  const masked = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    masked[i] = (tokens[i] as string).includes(WILDCARD) ? 1 : 0;
  }
  return { tokens, masked };
}

/**
 * Drain's sequence similarity (He et al., ICWS 2017), restricted to the template's constant
 * tokens: counts the positions where the template's token equals the line's token or, when it
 * holds a `<*>` (`'<*>')`), covers it. Positions already generalised to a bare `<*>` are free. Returns {@link NO_MATCH} when the lengths differ, when
 * more than `maxMismatches` constants differ, or when two differing tokens, one of which carries
 * a masked part, differ in their punctuation skeleton: `(uid=<*>)` against `LOGIN(uid=<*>)` or
 * `tty=:<*>` against `tty=NODEVssh` mark two events, while `chdir(<*>)` and `chdir(pwd)` are one
 * event with a variable.
 */
export function matchedConstants(
  template: TokenRow,
  line: TokenRow,
  maxMismatches: number,
): number {
  const expectedTokens = template.tokens;
  const actualTokens = line.tokens;
  if (expectedTokens.length !== actualTokens.length) return NO_MATCH;
  let matched = 0;
  let mismatched = 0;
  for (let i = 0; i < expectedTokens.length; i++) {
    const expected = expectedTokens[i] as string;
    if (expected === WILDCARD) continue;
    const actual = actualTokens[i] as string;
    const partial = template.masked[i] === 1;
    if (expected === actual || (partial && globMatches(expected, actual))) {
      matched++;
      continue;
    }
    if (++mismatched > maxMismatches) return NO_MATCH;
    if (
      (partial || line.masked[i] === 1) && actual !== WILDCARD &&
      skeleton(expected) !== skeleton(actual)
    ) {
      return NO_MATCH;
    }
  }
  return matched;
}

const ALNUM_RUN = /[A-Za-z0-9]+/g;

/** `chdir(<*>)` and `chdir(pwd)` → `a(a)`: the token with every word or variable as `a`. */
function skeleton(token: string): string {
  return token.replaceAll(WILDCARD, "0").replace(ALNUM_RUN, "a");
}
