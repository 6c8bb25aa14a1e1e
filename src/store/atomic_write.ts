import { mkdir, open, readdir, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import process from "node:process";

/** Options for {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** File mode of a newly created file, e.g. `0o600` for keys. */
  readonly mode?: number;
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `path` with `data` so that a crash at any instant leaves either the
 * old content or the new one, never a mix: write a temporary file in the same
 * directory, fsync it, rename it over the target, fsync the directory.
 *
 * @example
 * ```ts
 * await writeFileAtomic("memory/state.json", JSON.stringify(state));
 * ```
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const nonce = Math.random().toString(36).slice(2, 10);
  const temp = join(dir, `.${basename(path)}.tmp-${process.pid}-${nonce}`);
  const handle = await open(temp, "wx", options.mode ?? 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(dir);
}

/**
 * Deletes temporary files that {@link writeFileAtomic} left for `path` when its
 * writer was killed mid-write. Call it only while holding the lock that every
 * writer of `path` holds, so no live writer's temporary file can be taken.
 *
 * @returns how many were removed.
 */
export async function removeOrphanTemps(path: string): Promise<number> {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  const orphans = names.filter((name) => name.startsWith(prefix));
  await Promise.all(orphans.map((name) => unlink(join(dir, name)).catch(() => undefined)));
  return orphans.length;
}
