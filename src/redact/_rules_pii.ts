import type { _Rule } from "./_engine.ts";
import { _isCardNumber, _isChineseResidentId } from "./_checksums.ts";

/** File extensions that follow `@2x`-style names and npm-ish `name@file.js` (never TLDs here). */
const FILE_TLDS = new Set([
  "png",
  "jpg",
  "jpeg",
  "gif",
  "svg",
  "webp",
  "ico",
  "js",
  "mjs",
  "cjs",
  "ts",
  "tsx",
  "jsx",
  "json",
  "css",
  "map",
  "lock",
  "yaml",
  "yml",
  "toml",
  "txt",
  "log",
]);

/**
 * E-mail addresses. Kept: the `git@host` user of SSH remotes (a fixed account name, not a
 * person) and `icon@2x.png` / `name@file.js` shapes whose "TLD" is a file extension.
 */
const EMAIL_RULE: _Rule = {
  name: "email",
  applies: (probe) => probe.text.includes("@"),
  // The match starts at the "@" (a rare literal the engine finds fast); the local part is read
  // by a look-behind and replaced through the span's start.
  pattern:
    /(?<=(?<![\w.%+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63}))@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,24}))(?![\w-])/g,
  redact: (m, _text, ctx) => {
    const local = m[1] ?? "";
    const domain = m[2] ?? "";
    const tld = (m[3] ?? "").toLowerCase();
    if (local === "git" || FILE_TLDS.has(tld) || /^\d+x\./i.test(domain)) return undefined;
    return { start: m.index - local.length, text: ctx.mark("EMAIL") };
  },
};

/**
 * Chinese resident identity numbers: region, birth date, sequence, MOD 11-2 check character.
 * Runs before the card rule: an 18-digit id can also pass a Luhn check.
 */
const CN_ID_RULE: _Rule = {
  name: "cn-resident-id",
  applies: (probe) => probe.has("digits"),
  pattern:
    /\b(?<![.+-])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\w])/g,
  redact: (m, _text, ctx) => _isChineseResidentId(m[0]) ? ctx.mark("NATIONAL_ID") : undefined,
};

/** Digit groups a card number is printed in: 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4. */
function _cardGrouping(match: string): boolean {
  const groups = match.split(/[ -]/);
  if (groups.length === 1) return true;
  if (new Set(match.replace(/\d/g, "")).size !== 1) return false;
  const lengths = groups.map((g) => g.length).join(",");
  if (lengths === "4,6,5" || lengths === "4,6,4") return true;
  const last = groups[groups.length - 1] ?? "";
  return groups.slice(0, -1).every((g) => g.length === 4) && last.length >= 1 && last.length <= 4;
}

/** Payment card numbers: 12-19 digits, optionally grouped, brand prefix and Luhn checked. */
const CARD_RULE: _Rule = {
  name: "card",
  applies: (probe) => probe.has("digits"),
  pattern: /\b(?<![.+-])\d(?:[ -]?\d){11,18}(?![\w]|[.-]\d)/g,
  redact: (m, _text, ctx) =>
    _cardGrouping(m[0]) && _isCardNumber(m[0].replace(/[ -]/g, "")) ? ctx.mark("CARD") : undefined,
};

/** US social security numbers, only after a label (`SSN`, `social security number`). */
const SSN_RULE: _Rule = {
  name: "us-ssn",
  applies: (probe) => probe.has("ssn"),
  pattern:
    /((?<![a-z])(?:ssn|social[ \t]+security(?:[ \t]+(?:number|no\.?|#))?|soc\.?[ \t]*sec\.?)(?![a-z])[^\d\r\n\[\]]{0,20})(\d{3}-?\d{2}-?\d{4})(?![\w-])/gi,
  redact: (m, _text, ctx) => {
    const digits = (m[2] ?? "").replace(/-/g, "");
    const area = digits.slice(0, 3);
    const valid = area !== "000" && area !== "666" && !area.startsWith("9") &&
      digits.slice(3, 5) !== "00" && digits.slice(5) !== "0000";
    return valid ? `${m[1] ?? ""}${ctx.mark("SSN")}` : undefined;
  },
};

/** Not inside a number, a word, a version or a decimal (\b first keeps V8 on its fast path). */
const NUM_START = String.raw`\b(?<![.+\-\/:])`;
const NUM_END = String.raw`(?![\w]|[.\-:]\d)`;

/** International numbers written with `+` and a country code: 8-15 digits (E.164). */
const E164_RULE: _Rule = {
  name: "phone-e164",
  applies: (probe) => probe.text.includes("+") && probe.has("digits"),
  // One digit per repetition, separators (disjoint from digits) before it: no ambiguity to
  // backtrack over, however long the digit run.
  pattern: new RegExp(String.raw`(?<![\w+])\+[1-9](?:[ .\-()]{0,2}\d){7,14}${NUM_END}`, "g"),
  redact: (m, _text, ctx) => {
    // "+12345678.9" is a signed decimal, not a phone number.
    if (/^\+\d+\.\d+$/.test(m[0])) return undefined;
    return ctx.mark("PHONE");
  },
};

/**
 * National formats without `+`: US `(415) 555-2671` / `415-555-2671` / `415.555.2671` (NANP area
 * and exchange codes start 2-9; one separator style), Chinese mobiles `13800138000` /
 * `138-0013-8000`, Japanese `090-1234-5678` / `03-1234-5678`. Space-only groupings of US
 * numbers are left alone: tables of three numbers look the same.
 */
const NATIONAL_PHONE_RULE: _Rule = {
  name: "phone-national",
  applies: (probe) => probe.has("digits"),
  pattern: new RegExp(
    NUM_START +
      "(?:" +
      [
        String.raw`1[ .-]?\([2-9]\d{2}\)[ ]?[2-9]\d{2}[ .-]\d{4}`,
        String.raw`(?:1-)?[2-9]\d{2}-[2-9]\d{2}-\d{4}`,
        String.raw`[2-9]\d{2}\.[2-9]\d{2}\.\d{4}`,
        String.raw`1[3-9]\d(?:\d{8}|-\d{4}-\d{4}| \d{4} \d{4})`,
        String.raw`0[5789]0(?:\d{8}|-\d{4}-\d{4})`,
        String.raw`0(?:\d-\d{4}|\d{2}-\d{3}|\d{3}-\d{2}|120-\d{3})-\d{3,4}`,
      ].join("|") +
      ")" + NUM_END +
      // "(415) 555-2671" starts with "(", where \b cannot stand.
      String.raw`|(?<![\w.+\-\/:(])\([2-9]\d{2}\)[ ]?[2-9]\d{2}[ .-]\d{4}` + NUM_END,
    "g",
  ),
  redact: (_m, _text, ctx) => ctx.mark("PHONE"),
};

/** Personal data: e-mail, national ids, card numbers, phone numbers. */
export const _PII_RULES: readonly _Rule[] = [
  EMAIL_RULE,
  SSN_RULE,
  CN_ID_RULE,
  CARD_RULE,
  E164_RULE,
  NATIONAL_PHONE_RULE,
];
