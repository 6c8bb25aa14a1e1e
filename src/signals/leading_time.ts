const LEADING_TIME =
  /^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?)/;

/**
 * The ISO 8601 time a log line starts with, if it does (`2026-11-20T09:13:10.007Z ERROR …`).
 * A time without a zone is read as local time, as the log's writer meant it.
 */
export function leadingTime(line: string): string | undefined {
  const match = LEADING_TIME.exec(line);
  if (!match?.[1]) return undefined;
  const ms = Date.parse(match[1].replace(" ", "T").replace(",", "."));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
