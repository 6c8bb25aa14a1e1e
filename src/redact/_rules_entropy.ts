import type { _Rule } from "./_engine.ts";
import { _looksRandom } from "./_values.ts";
import type { RedactionKind } from "./redaction_kind.ts";

/** How far (characters, same line) a random string may start after a secret-ish word. */
const CONTEXT_WINDOW = 48;
/** Shorter strings are too often ordinary words and numbers to judge by entropy. */
const MIN_RUN = 16;

/** Words that announce a secret, and the kind the string after them gets. */
const CONTEXT: ReadonlyArray<readonly [RegExp, RedactionKind]> = [
  [/passw(?:or)?d|(?<![a-z])pwd(?![a-z])|密码|密碼|パスワード/i, "PASSWORD"],
  [/private[ _-]?key|秘密鍵|私钥|私鑰/i, "PRIVATE_KEY"],
  [/token|bearer|authorization|(?<![a-z])auth(?![a-z])|signature|twilio|令牌|トークン/i, "TOKEN"],
  [/api[ _-]?key|apikey|access[ _-]?key|heroku|datadog|(?<![a-z])dd[ _-]?(?:api|app)/i, "API_KEY"],
  [/secret|credential|(?<![a-z])key(?![a-z])|密钥|密鑰|秘密|鍵/i, "SECRET"],
];

/** Every context word in one pattern: the rule's search pattern, and the nearest-word finder. */
const ANY_CONTEXT_SOURCE = CONTEXT.map(([re]) => re.source).join("|");
const ANY_CONTEXT = new RegExp(ANY_CONTEXT_SOURCE, "gi");

/** Up to 48 characters before `at`, cut at a line break (a bounded look back, never a scan). */
function _lineBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - CONTEXT_WINDOW), at);
  return before.slice(before.lastIndexOf("\n") + 1);
}

/** The kind announced by the last secret-ish word in `before`, if any. */
function _contextKind(before: string): RedactionKind | undefined {
  let last: string | undefined;
  ANY_CONTEXT.lastIndex = 0;
  for (let m = ANY_CONTEXT.exec(before); m !== null; m = ANY_CONTEXT.exec(before)) last = m[0];
  if (last === undefined) return undefined;
  const word = last;
  return CONTEXT.find(([re]) => re.test(word))?.[1];
}

/** True for the characters of base64, base64url, hex and UUID keys: A-Z a-z 0-9 + / _ = -. */
function _isRunChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 ||
    c === 47 || c === 95 || c === 61 || c === 45;
}

/**
 * Random-looking strings (see `_looksRandom`: 16+ characters, letters and digits switching
 * often, few separators, Shannon entropy above the hex/base64 floors) starting within 48
 * characters after a secret-ish word on the same line: `Heroku API key for app is 01234567-…`,
 * `twilio auth token 0123…`, `secret 8f7d…`. The kind comes from the nearest word before each
 * string. Without such a word random strings stay: commit SHAs, UUID request ids and base64
 * payloads are not secrets by themselves. The search starts at the (rare) words and reads a
 * bounded window with a plain loop, so ordinary text costs one scan.
 */
const ENTROPY_RULE: _Rule = {
  name: "high-entropy-in-context",
  // Placeholders of earlier rules ([REDACTED_TOKEN], …) are context words too.
  applies: (probe) =>
    probe.found.size > 0 || probe.has("keyword") || probe.has("cjk") ||
    probe.has("contextWord") || probe.has("bearer") || probe.has("authorization"),
  pattern: new RegExp(ANY_CONTEXT_SOURCE, "gi"),
  redact: (m, text, ctx) => {
    const from = m.index + m[0].length;
    let kind = _contextKind(m[0]) ?? "SECRET";
    let limit = Math.min(text.length, from + CONTEXT_WINDOW);
    let out = "";
    let last = from;
    let i = from;
    // A run already under way at the word's end belongs to the word (`tokenizer…`), not after
    // it; skipped only up to the window's end, so a word inside a long run never rescans it.
    while (i < limit && _isRunChar(text.charCodeAt(i))) i++;
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      if (!_isRunChar(c)) {
        i++;
        continue;
      }
      const start = i;
      while (i < text.length && _isRunChar(text.charCodeAt(i))) i++;
      if (i - start < MIN_RUN || !_looksRandom(text.slice(start, i))) continue;
      kind = _contextKind(_lineBefore(text, start)) ?? kind;
      out += text.slice(last, start) + ctx.mark(kind);
      last = i;
      // Secrets travel in groups (an id and its secret, a token split by dots), and a second
      // pass must find nothing new once the first is shorter: the window restarts after each.
      limit = Math.min(text.length, i + CONTEXT_WINDOW);
    }
    return last === from ? undefined : { end: last, text: m[0] + out };
  },
};

/** The last line of defence: high-entropy strings announced by a secret-ish word. */
export const _ENTROPY_RULES: readonly _Rule[] = [ENTROPY_RULE];
