import { open, readFile, rename, utimes } from "node:fs/promises";
import { join } from "node:path";
import type { WorkspaceSnapshot } from "./workspace_snapshot.ts";
import { _remove } from "./_fs.ts";
import { SolidifyError } from "./solidify_error.ts";

/** How long to wait for another git process to release `index.lock`. */
const LOCK_WAIT_MS = 2_000;
const LOCK_POLL_MS = 50;

/**
 * Writes the snapshot's index bytes back, with git's own protocol: create `index.lock`
 * exclusively (so a concurrent git process is never overwritten), write, give it the
 * original modification time, rename over `index`. The time matters: git decides which
 * entries it must re-read ("racily clean") by comparing them with the index file's time, so
 * the restored index makes git see exactly what it saw before.
 */
export async function _restoreIndex(snapshot: WorkspaceSnapshot): Promise<void> {
  const indexPath = join(snapshot.gitDir, "index");
  if (snapshot.index === null) {
    await _remove(indexPath);
    return;
  }
  const bytes = await readFile(join(snapshot.backupDir, "index"));
  const lockPath = `${indexPath}.lock`;
  const handle = await _lockExclusive(lockPath);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // Whole microseconds, rounded down: never later than the original (see above).
  const mtime = Math.floor(snapshot.index.mtimeMs * 1000) / 1e6;
  await utimes(lockPath, mtime, mtime);
  await rename(lockPath, indexPath);
}

async function _lockExclusive(lockPath: string) {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return await open(lockPath, "wx", 0o644);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") throw cause;
      if (Date.now() > deadline) {
        throw new SolidifyError(
          "GIT_BUSY",
          `${lockPath} is held by another git process (or left by a crashed one: then remove ` +
            `it and run the rollback again; it is idempotent)`,
          { cause },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
}
