const URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>)\]]+/gi;
// Absolute paths (after a space, quote or bracket, so "and/or" stays): optional drive, ~ or
// `[REDACTED_PATH]`, then segments. Relative paths only when they end in a file extension.
const PATH_RE = new RegExp(
  [
    String.raw`(?<![\w.])(?:\[REDACTED_PATH\]|~|[A-Za-z]:)?(?:[\\/][\w.@+-]+)+[\\/]?`,
    String.raw`\b[\w.-]+(?:[\\/][\w.-]+)+\.[A-Za-z0-9]{1,8}\b`,
  ].join("|"),
  "g",
);
const ID_RE =
  /\b(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{12,})\b/gi;
// Five digits and more: ids, ports, sizes, durations. HTTP statuses and error numbers stay.
const NUMBER_RE = /\b\d{5,}\b/g;

/**
 * Replaces the user's specifics with placeholders so that a memory transfers to the next task:
 * URLs → `<url>`, file paths → `<path>`, long hex ids and UUIDs → `<id>`, numbers of five or
 * more digits → `<n>` (HTTP statuses and error numbers stay). `[REDACTED_*]` placeholders from
 * pass 1 are kept.
 *
 * @example
 * ```ts
 * withPlaceholders("read /srv/app/config.yaml failed after 300000 ms (HTTP 504)");
 * // "read <path> failed after <n> ms (HTTP 504)"
 * ```
 */
export function withPlaceholders(text: string): string {
  return text
    .replace(URL_RE, "<url>")
    .replace(PATH_RE, "<path>")
    .replace(ID_RE, "<id>")
    .replace(NUMBER_RE, "<n>");
}
