import { chmod, copyFile, lstat, rename, rm, writeFile } from "node:fs/promises";
import type { Stats } from "node:fs";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

/** `lstat`, or undefined when the path (or a parent) does not exist. */
export async function _lstatOrNull(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw cause;
  }
}

/** Removes a file, link or folder tree; a missing path is fine. */
export async function _remove(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}

/**
 * Writes `bytes` (or a copy of another file) to `path` with exactly `mode`, through a temporary sibling and a rename, so a crash never leaves
 * a half-restored file where the user's was.
 */
export async function _writeAtomic(
  path: string,
  content: { readonly bytes: Uint8Array } | { readonly copyOf: string },
  mode: number,
): Promise<void> {
  const temp = join(dirname(path), `.lshml-restore-${randomBytes(6).toString("hex")}`);
  try {
    if ("bytes" in content) await writeFile(temp, content.bytes);
    else await copyFile(content.copyOf, temp);
    await chmod(temp, mode);
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true });
    throw cause;
  }
}

/** Joins a `/`-separated relative path onto a root. */
export function _abs(root: string, relative: string): string {
  return join(root, ...relative.split("/"));
}
