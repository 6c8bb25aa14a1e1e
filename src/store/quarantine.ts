import { link, rename, unlink } from "node:fs/promises";

/** `2026-11-21T10:50:01.123Z` → `20261121T105001Z`: sortable and safe in file names. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

/**
 * Moves an unreadable data file aside to `<path>.corrupt-<time>` so that it is
 * never overwritten, and returns the new path. A second quarantine in the same
 * second gets a numeric suffix rather than replacing the first.
 *
 * @example
 * ```ts
 * const aside = await quarantine("memory/knowledge.json", new Date());
 * // "memory/knowledge.json.corrupt-20261121T105001Z"
 * ```
 */
export async function quarantine(path: string, now: Date): Promise<string> {
  const base = `${path}.corrupt-${fileTimestamp(now)}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    const target = attempt === 0 ? base : `${base}-${attempt}`;
    if (await renameIfAbsent(path, target)) return target;
  }
  throw new Error(`cannot quarantine ${path}: too many quarantined copies at ${base}`);
}

async function renameIfAbsent(from: string, to: string): Promise<boolean> {
  try {
    // link() fails if `to` exists, so an earlier quarantined copy is never replaced.
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    if ((error as NodeJS.ErrnoException).code !== "EPERM") throw error;
    // Filesystems without hard links: rename, accepting the tiny race.
    await rename(from, to);
    return true;
  }
  await unlink(from);
  return true;
}
