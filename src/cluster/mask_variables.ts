/**
 * The placeholder that replaces every variable part of a line, as in Drain (He et al., ICWS 2017)
 * and the Loghub ground truth.
 */
export const WILDCARD = "<*>";

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*";
const WEEKDAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*";
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?`;
const ZONE = String.raw`(?:\s?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?`;

/** Longest token (in ASCII characters) that is still read as words; see the first rule. */
const MAX_TOKEN = 256;

/** Common top-level domains; a dotted name ending in one of these (or a 2-letter ccTLD) is a host. */
const TLD = "com|net|org|edu|gov|mil|int|info|biz|io|dev|app|cloud|local|localdomain|lan|internal";

/**
 * Ordered masking rules. Order matters: composite shapes (URLs, timestamps, UUIDs, IPs) are masked
 * before the generic number rule would cut them into pieces. Every rule replaces the whole match
 * with {@link WILDCARD}. Boundaries use look-arounds on `[A-Za-z0-9]` so that ids glued to words
 * (`blk_3587`, `org-1f2e`, `uid=0`) lose only their variable part.
 */
const RULES: readonly RegExp[] = [
  // What the redactor took out (`[REDACTED_IP]`, `[REDACTED_PATH]/app`) was a value, so it is a
  // variable like any other: lines must cluster the same before and after redaction.
  /\[REDACTED_[A-Z_]+\]/g,
  // A run of more than MAX_TOKEN printable ASCII characters without a space is data (base64,
  // minified JSON, a long id), not wording; masking it first also keeps every later rule linear
  // in practice, since some of them backtrack within one token.
  new RegExp(`[!-~]{${MAX_TOKEN + 1},}`, "g"),
  // URLs and e-mail addresses.
  /\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s"'<>()\[\]]+/g,
  /\b[\w.+-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+\b/g,
  // UUIDs.
  /\b[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\b/g,
  // ISO 8601 and similar date-times: 2024-01-31T12:00:00.123Z, 2005-06-03-15.42.50.675872.
  new RegExp(
    String.raw`\b\d{4}-\d{2}-\d{2}(?:[T\s-]\d{2}[:.]\d{2}(?:[:.]\d{2})?(?:[.,]\d+)?${ZONE})?\b`,
    "g",
  ),
  // Syslog / ctime dates: "Sun Jul 10 03:55:15 2005", "Jun 14 15:16:01", "04/Dec/2005:04:47:44".
  new RegExp(
    `(?:\\b${WEEKDAY},?\\s+)?\\b${MONTH}\\s+\\d{1,2},?\\s+(?:\\d{4}\\s+)?${CLOCK}(?:\\s+\\d{4})?`,
    "g",
  ),
  new RegExp(String.raw`\b\d{1,2}/${MONTH}/\d{4}(?::${CLOCK})?`, "g"),
  // Clock times on their own: 12:00:01, 18:01:47,978.
  new RegExp(String.raw`(?<![\w:])${CLOCK}(?![\w:])`, "g"),
  // Absolute paths (Unix and Windows) and ./relative ones; a lone "/" stays. Path segments may
  // hold any non-ASCII letters (設定.yaml, résumé.pdf).
  /(?<![\w.\/])(?:\.{1,2})?\/[\w.@%+~\u0080-\uffff-]+(?:\/[\w.@%+~\u0080-\uffff-]*)*/g,
  /\b[A-Za-z]:\\[^\s"'<>|]*/g,
  // MAC addresses.
  /\b[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){5}\b/g,
  // IPv6 (at least three groups, one of which has a digit) and IPv4 with optional port.
  /(?<![\w:])(?=[0-9a-fA-F:]*\d)(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])/g,
  /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![\w.])/g,
  // Host names: dotted labels ending in a known TLD or a two-letter country code.
  new RegExp(String.raw`\b(?:[a-zA-Z0-9-]+\.)+(?:${TLD}|[a-z]{2})\b(?![.\w-])`, "g"),
  // Hex numbers and long hex ids (at least one digit, so words like "cafe" survive).
  /\b0[xX][0-9a-fA-F]+\b/g,
  /(?<![A-Za-z0-9])(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}(?![A-Za-z0-9])/g,
  // Ids glued to a word by "_", "-" or dots (blk_3587, org-1f2e, node-246, core.4505,
  // instruction......0): mask the id part.
  /(?<=[A-Za-z](?:[_-]|\.+))(?=[A-Za-z0-9]*\d)[A-Za-z0-9]+(?![A-Za-z0-9])/g,
  // Numbers, signed or decimal, with an optional short unit: 42, -3, 12.5s, 2000ms, 4kB, 99%.
  /(?<![A-Za-z0-9.])[-+]?\d+(?:[.,]\d+)*(?:[a-zA-Z]{1,4}\b|%)?(?![A-Za-z0-9])/g,
  // Empty values are values too: "rhost= user=x" and a lone "()" hold a variable that happened to
  // be empty, so they must match the same field when it is filled.
  /(?<=\w=)(?=\s|$|[,;])|(?<=(?:^|\s)[(\[{"'])(?=[)\]}"'](?:\s|$))/g,
];

/**
 * Replaces the variable parts of a log line with `<*>`: URLs, e-mail addresses, UUIDs, ISO and
 * syslog timestamps, clock times, MAC, IPv4 (with port) and IPv6 addresses, file paths, host
 * names, hex numbers and ids, and numbers with optional units. Constant words are left alone,
 * so the result is the line's template candidate.
 *
 * @example
 * ```ts
 * maskVariables("Received block blk_3587 of size 67108864 from /10.250.10.6");
 * // "Received block blk_<*> of size <*> from <*>"
 * maskVariables("request took 2000ms (timeout 12.5s)"); // "request took <*> (timeout <*>)"
 * ```
 */
export function maskVariables(line: string): string {
  let masked = line;
  for (const rule of RULES) masked = masked.replace(rule, WILDCARD);
  return masked;
}
