/**
 * A short, stable label for a session in logs: `s-` and the FNV-1a hash of its key. Session keys
 * can name people (`agent:main:telegram:direct:12345`), so logs never show them.
 */
export function _sessionLabel(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `s-${hash.toString(16).padStart(8, "0")}`;
}

/** Ids for a log line: `a,b,c`, at most 10, or `none`. */
export function _idList(ids: readonly string[]): string {
  if (ids.length === 0) return "none";
  const shown = ids.slice(0, 10).join(",");
  return ids.length > 10 ? `${shown},…(+${ids.length - 10})` : shown;
}

/** A number for a log line, three decimals. */
export function _num(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** A one-line, bounded preview of text for a log line (newlines shown as ⏎). */
export function _preview(text: string, max: number): string {
  const flat = text.replace(/\r?\n/g, "⏎");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** An untrusted name (a tool, a model) made safe for one log line: word characters only. */
export function _token(text: string, max = 64): string {
  return text.slice(0, max).replace(/[^\w.:/@-]/g, "_") || "_";
}
