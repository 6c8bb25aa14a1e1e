import { WILDCARD } from "./mask_variables.ts";

const UNSPACED_CHAR =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3000-\u303f\uff00-\uffef]$/u;

/** Whether two neighbouring tokens were written without a space between them. */
function joined(left: string, right: string): boolean {
  const leftCjk = UNSPACED_CHAR.test(left);
  const rightCjk = UNSPACED_CHAR.test(right);
  return (leftCjk && (rightCjk || right === WILDCARD)) || (rightCjk && left === WILDCARD);
}

/**
 * Joins template tokens (see {@link tokenize}) back into one readable line: tokens are separated
 * by one space, except between two CJK characters and between a CJK character and `<*>`, since
 * {@link tokenize} split CJK text apart only for comparison (a Latin word next to CJK text keeps
 * its space, as mixed Chinese and Japanese text usually has one).
 *
 * @example
 * ```ts
 * formatTemplate(["Invalid", "user", "<*>", "from", "<*>"]); // "Invalid user <*> from <*>"
 * formatTemplate(["连", "接", "超", "时", "<*>"]);          // "连接超时<*>"
 * formatTemplate(["ERROR", "工", "具", "read"]);            // "ERROR 工具 read"
 * ```
 */
export function formatTemplate(tokens: readonly string[]): string {
  let text = "";
  let previous = "";
  for (const [index, token] of tokens.entries()) {
    if (index > 0 && !joined(previous, token)) text += " ";
    text += token;
    previous = token;
  }
  return text;
}
