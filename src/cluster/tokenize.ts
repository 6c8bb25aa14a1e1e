import { WILDCARD } from "./mask_variables.ts";

/**
 * Scripts written without spaces between words (Chinese, Japanese kana) plus CJK and full-width
 * punctuation. Each such character becomes its own token, so that two CJK messages that differ
 * in one name still share most tokens instead of being one opaque token each.
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3000-\u303f\uff00-\uffef]/u;
const UNSPACED_SPLIT =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3000-\u303f\uff00-\uffef])/u;
const WHITESPACE = /\s+/;

/**
 * Splits a masked line (see {@link maskVariables}) into tokens: on whitespace, and around every
 * Han, Hiragana, Katakana and CJK punctuation character. A run of identical tokens that hold a
 * variable (`blk_<*> blk_<*> blk_<*>`) collapses to one, so that variable-length lists of ids
 * (Drain's weak spot: it groups by token count) do not split one event into many.
 *
 * @example
 * ```ts
 * tokenize("delete blk_<*> blk_<*> blk_<*>"); // ["delete", "blk_<*>"]
 * tokenize("连接超时 after <*>");              // ["连", "接", "超", "时", "after", "<*>"]
 * ```
 */
export function tokenize(masked: string): string[] {
  const tokens: string[] = [];
  for (const word of masked.split(WHITESPACE)) {
    if (word === "") continue;
    if (!UNSPACED.test(word)) {
      push(tokens, word);
      continue;
    }
    for (const piece of word.split(UNSPACED_SPLIT)) if (piece !== "") push(tokens, piece);
  }
  return tokens;
}

function push(tokens: string[], token: string): void {
  if (token.includes(WILDCARD) && tokens[tokens.length - 1] === token) return;
  tokens.push(token);
}
