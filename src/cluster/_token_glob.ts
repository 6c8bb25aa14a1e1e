import { WILDCARD } from "./mask_variables.ts";

/** Letters and digits of any script: the characters values are made of. */
const WORD = /[\p{L}\p{N}]/u;
const RUN_OF_WILDCARDS = /(?:<\*>){2,}/g;

/** Globs with more `<*>` than this compare by equality only, which bounds the backtracking. */
const MAX_GLOB_WILDCARDS = 8;

/**
 * Whether `token` is an instance of the template token `glob`, where each `<*>` in `glob` stands
 * for a non-empty value that starts and ends with a letter, a digit or a masked `<*>`:
 * `'<*>')` covers `'foo')` and `user=<*>` covers `user=root`, but `instruction......<*>` does not
 * cover `instruction.........<*>` (the extra dots are punctuation, not a value).
 */
export function globMatches(glob: string, token: string): boolean {
  const parts = glob.split(WILDCARD);
  if (parts.length === 1 || parts.length > MAX_GLOB_WILDCARDS + 1) return glob === token;
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  if (token.length < first.length + last.length) return false;
  if (!token.startsWith(first) || !token.endsWith(last)) return false;
  return fills(parts, 1, token, first.length, token.length - last.length);
}

/** Whether `token[from, end)` splits into values for the `<*>`s around `parts[k…]`. */
function fills(
  parts: readonly string[],
  k: number,
  token: string,
  from: number,
  end: number,
): boolean {
  if (k === parts.length - 1) return isValue(token, from, end);
  const part = parts[k] as string;
  for (let at = token.indexOf(part, from + 1); at >= 0 && at + part.length <= end;) {
    if (isValue(token, from, at) && fills(parts, k + 1, token, at + part.length, end)) return true;
    at = token.indexOf(part, at + 1);
  }
  return false;
}

function isValue(token: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const starts = WORD.test(token[from] as string) || token.startsWith(WILDCARD, from);
  const ends = WORD.test(token[to - 1] as string) ||
    (to - from >= WILDCARD.length && token.startsWith(WILDCARD, to - WILDCARD.length));
  return starts && ends;
}

/**
 * The most specific template token covering two differing tokens: their common leading and
 * trailing punctuation-delimited parts around one `<*>`, so `'foo')` and `'bar')` give `'<*>')`,
 * `user=root` and `user=guest` give `user=<*>`, and two plain words give `<*>`. The kept parts end
 * (or start) at a non-alphanumeric character, so a word is never cut in half.
 */
export function generaliseToken(a: string, b: string): string {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a[prefix] === b[prefix]) prefix++;
  prefix = backToSeparator(a, prefix);
  let suffix = 0;
  while (suffix < limit - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  suffix = forwardToSeparator(a, suffix);
  if (prefix === 0 && suffix === 0) return WILDCARD;
  return (a.slice(0, prefix) + WILDCARD + a.slice(a.length - suffix)).replace(
    RUN_OF_WILDCARDS,
    WILDCARD,
  );
}

/** Shortens a kept prefix of `token` until it ends at a separator and not inside a `<*>`. */
function backToSeparator(token: string, length: number): number {
  let kept = length;
  while (kept > 0 && (WORD.test(token[kept - 1] as string) || splitsWildcard(token, kept))) kept--;
  return kept;
}

/** Shortens a kept suffix of `token` until it starts at a separator and not inside a `<*>`. */
function forwardToSeparator(token: string, length: number): number {
  let kept = length;
  while (kept > 0) {
    const start = token.length - kept;
    if (!WORD.test(token[start] as string) && !splitsWildcard(token, start)) break;
    kept--;
  }
  return kept;
}

/** Whether a cut at `index` falls strictly inside an occurrence of `<*>`. */
function splitsWildcard(token: string, index: number): boolean {
  const from = Math.max(0, index - WILDCARD.length + 1);
  for (
    let at = token.indexOf(WILDCARD, from);
    at >= 0 && at < index;
    at = token.indexOf(WILDCARD, at + 1)
  ) {
    if (index > at && index < at + WILDCARD.length) return true;
  }
  return false;
}
