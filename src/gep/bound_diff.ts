/** Largest diff a capsule keeps, in UTF-8 bytes (the marker included): 64 KiB. */
export const MAX_DIFF_BYTES = 64 * 1024;

/** Room kept for the truncation marker. */
const MARKER_RESERVE = 128;

/**
 * Bounds a diff to `maxBytes` UTF-8 bytes. A longer diff keeps its beginning —
 * cut at a line break when one is near, never inside a character — followed by
 * a marker line saying how much was dropped:
 * `[lshml: diff truncated, kept 65400 of 1048576 bytes]`.
 *
 * @example
 * ```ts
 * boundDiff("x".repeat(100_000)).length <= MAX_DIFF_BYTES; // true
 * ```
 */
export function boundDiff(diff: string, maxBytes: number = MAX_DIFF_BYTES): string {
  const bytes = new TextEncoder().encode(diff);
  if (bytes.length <= maxBytes) return diff;
  const budget = Math.max(0, maxBytes - MARKER_RESERVE);
  let cut = budget;
  // Never split a UTF-8 sequence: back up over continuation bytes (10xxxxxx).
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  const newline = bytes.lastIndexOf(0x0a, cut - 1);
  if (newline >= 0 && cut - newline < 1024) cut = newline + 1;
  const kept = new TextDecoder().decode(bytes.subarray(0, cut));
  const sep = kept.endsWith("\n") || kept === "" ? "" : "\n";
  return `${kept}${sep}[lshml: diff truncated, kept ${cut} of ${bytes.length} bytes]\n`;
}
