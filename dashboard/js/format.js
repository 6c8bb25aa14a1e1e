/**
 * Numbers and times for people.
 *
 * @module
 */

/** 0.6667 → "67 %"; null → "–". */
export function percent(value) {
  return value === null || value === undefined ? "–" : `${Math.round(value * 100)} %`;
}

/** A number with at most `digits` decimals; null → "–". */
export function num(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

/** "3 fixes" / "1 fix". */
export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** An ISO time as "2026-11-21 12:35" in the viewer's time zone; "–" when absent. */
export function when(iso) {
  if (!iso) return "–";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "5 minutes ago", "in 2 hours"; falls back to {@link when} beyond a week. */
export function ago(iso, now = new Date()) {
  if (!iso) return "never";
  const ms = now.getTime() - new Date(iso).getTime();
  if (Number.isNaN(ms)) return String(iso);
  const abs = Math.abs(ms);
  /** @type {[number, string, number][]} limit, unit, size in ms */
  const units = [
    [60_000, "second", 1000],
    [3_600_000, "minute", 60_000],
    [86_400_000, "hour", 3_600_000],
    [7 * 86_400_000, "day", 86_400_000],
  ];
  for (const [limit, unit, size] of units) {
    if (abs < limit) {
      const n = Math.max(1, Math.round(abs / size));
      const text = plural(n, unit);
      return ms >= 0 ? `${text} ago` : `in ${text}`;
    }
  }
  return when(iso);
}

/** Bytes as "12.3 kB". */
export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Cuts a long line for a label, keeping its start. */
export function clip(text, max = 80) {
  const value = String(text ?? "");
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
