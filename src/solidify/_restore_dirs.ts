import { chmod, mkdir, rmdir } from "node:fs/promises";
import type { WorkspaceSnapshot } from "./workspace_snapshot.ts";
import { _walkDirs } from "./_walk_dirs.ts";
import { _abs, _lstatOrNull, _remove } from "./_fs.ts";

/**
 * Folders the snapshot did not have are removed when empty (deepest first; one that still
 * holds ignored files stays), folders it had are recreated, and their modes restored.
 * Returns the folders removed.
 */
export async function _restoreDirs(
  snapshot: WorkspaceSnapshot,
  skip: ReadonlySet<string>,
): Promise<string[]> {
  const { root } = snapshot;
  const wanted = new Map(snapshot.dirs.map((dir) => [dir.path, dir.mode]));
  const removed: string[] = [];
  const current = (await _walkDirs(root, skip)).map((dir) => dir.path)
    .sort((a, b) => b.split("/").length - a.split("/").length);
  for (const path of current) {
    if (wanted.has(path)) continue;
    try {
      await rmdir(_abs(root, path));
      removed.push(path);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw cause;
    }
  }
  for (const [path, mode] of wanted) {
    const folder = _abs(root, path);
    const stats = await _lstatOrNull(folder);
    if (stats && !stats.isDirectory()) await _remove(folder);
    if (!stats?.isDirectory()) await mkdir(folder, { recursive: true });
    if (!stats?.isDirectory() || (stats.mode & 0o7777) !== mode) await chmod(folder, mode);
  }
  return removed;
}
