import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { WorkspaceSnapshot } from "./workspace_snapshot.ts";
import { _git } from "./_git.ts";
import { _readRefs } from "./_repo.ts";
import { _remove } from "./_fs.ts";

/**
 * Puts branches, tags and the stash back where the snapshot found them (refs the executor
 * created are deleted, moved ones reset, deleted ones recreated), restores the stash reflog
 * that `git stash list` reads, then points HEAD at the snapshot's branch (or, detached, its
 * commit). Returns the refs that were changed. The branch reflogs keep their new entries:
 * they are history, and they are how the executor's commits can still be found.
 */
export async function _restoreRefs(snapshot: WorkspaceSnapshot): Promise<string[]> {
  const { root } = snapshot;
  const current = await _readRefs(root);
  const changed: string[] = [];
  // Deletions first: a new `refs/heads/x/y` would block recreating a deleted `refs/heads/x`.
  for (const name of Object.keys(current)) {
    if (snapshot.refs[name] !== undefined) continue;
    changed.push(name);
    await _git(root, ["update-ref", "-d", name]);
  }
  for (const [name, want] of Object.entries(snapshot.refs)) {
    if (want === current[name]) continue;
    changed.push(name);
    await _git(root, ["update-ref", "-m", "lshml rollback", name, want]);
  }
  const stashLog = join(snapshot.commonDir, "logs", "refs", "stash");
  if (snapshot.stashLog) {
    await mkdir(join(snapshot.commonDir, "logs", "refs"), { recursive: true });
    await copyFile(join(snapshot.backupDir, "stash-log"), stashLog);
  } else {
    await _remove(stashLog);
  }
  if (snapshot.head.branch !== null) {
    await _git(root, ["symbolic-ref", "HEAD", snapshot.head.branch]);
  } else {
    await _git(root, ["update-ref", "--no-deref", "HEAD", snapshot.head.commit]);
  }
  return changed;
}
