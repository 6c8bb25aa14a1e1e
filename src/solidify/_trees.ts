import { copyFile, mkdtemp, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import { _gitText } from "./_git.ts";
import { _remove } from "./_fs.ts";
import { SolidifyError } from "./solidify_error.ts";

/**
 * The tree of the work tree as it is on disk: every tracked file plus every untracked, not
 * ignored one. Built in a private copy of the index (`git add -A` there, then `write-tree`),
 * so the user's index is never touched. The copy keeps the original's modification time:
 * git's racy-clean check compares entry times with the index file's, and a newer copy would
 * make git trust stale stat data for files edited in the same second.
 */
export async function _worktreeTree(
  root: string,
  gitDir: string,
  scratch: string,
): Promise<string> {
  const folder = await mkdtemp(join(scratch, "index-"));
  try {
    const indexFile = join(folder, "index");
    await _copyIndex(join(gitDir, "index"), indexFile);
    await _gitText(root, ["add", "-A", "--", "."], { indexFile });
    return await _gitText(root, ["write-tree"], { indexFile });
  } finally {
    await _remove(folder);
  }
}

/** The tree of what is staged, written from a private copy of the index. */
export async function _indexTree(root: string, gitDir: string, scratch: string): Promise<string> {
  const folder = await mkdtemp(join(scratch, "index-"));
  try {
    const indexFile = join(folder, "index");
    await _copyIndex(join(gitDir, "index"), indexFile);
    try {
      return await _gitText(root, ["write-tree"], { indexFile });
    } catch (cause) {
      throw new SolidifyError(
        "UNMERGED_INDEX",
        `the index of ${root} cannot be written as a tree (unresolved conflicts?)`,
        { cause },
      );
    }
  } finally {
    await _remove(folder);
  }
}

/** Copies an index file with its times; a missing index is an empty one to git. */
async function _copyIndex(from: string, to: string): Promise<void> {
  let times;
  try {
    times = await stat(from);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return;
    throw cause;
  }
  await copyFile(from, to);
  await utimes(to, times.atime, times.mtime);
}
