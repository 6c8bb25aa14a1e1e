import { lstat, readdir } from "node:fs/promises";
import type { DirRecord } from "./workspace_snapshot.ts";
import { _abs } from "./_fs.ts";

/**
 * Every directory of the work tree below `root` (not `root` itself), with its permission
 * bits, skipping `.git` and the given paths (ignored folders, nested repositories) and never
 * following symbolic links. Empty folders are included: git cannot see them, we can.
 */
export async function _walkDirs(root: string, skip: ReadonlySet<string>): Promise<DirRecord[]> {
  const found: DirRecord[] = [];
  const visit = async (relative: string): Promise<void> => {
    const entries = await readdir(relative === "" ? root : _abs(root, relative), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === ".git") continue;
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (skip.has(path)) continue;
      const mode = (await lstat(_abs(root, path))).mode & 0o7777;
      found.push({ path, mode });
      await visit(path);
    }
  };
  await visit("");
  return found;
}
