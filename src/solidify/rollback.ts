import { join } from "node:path";
import type { WorkspaceSnapshot } from "./workspace_snapshot.ts";
import { _restoreGitMeta } from "./_git_meta.ts";
import { _restoreRefs } from "./_restore_refs.ts";
import { _restoreIndex } from "./_restore_index.ts";
import { _restoreFiles } from "./_restore_files.ts";
import { _restoreDirs } from "./_restore_dirs.ts";
import { _listUntracked } from "./_list_paths.ts";
import { _STATE_FILES } from "./_repo.ts";
import { _abs, _lstatOrNull, _remove } from "./_fs.ts";
import { SolidifyError } from "./solidify_error.ts";

/** What {@linkcode rollback} changed (all empty when the work tree was already restored). */
export interface RollbackReport {
  /** Recorded paths whose content, kind or mode was put back. */
  readonly restored: readonly string[];
  /** Files and folders that did not exist at snapshot time and were removed. */
  readonly removed: readonly string[];
  /** Refs (`refs/heads/…`, `refs/stash`) reset, recreated or deleted. */
  readonly refs: readonly string[];
}

/**
 * Restores the work tree, the index and HEAD exactly as {@linkcode snapshotWorkspace} found
 * them — including the user's own uncommitted edits, staged changes and untracked files —
 * whatever the executor did: edits, deletions, new files and folders, commits, branch
 * switches, stashes, resets, a left-over merge, planted hooks. Never runs `git reset --hard`,
 * `git checkout` or `git stash`.
 *
 * Guarantees, in order of application:
 * 1. hooks, `info/*` and `config` of the git dir as recorded (added ones removed), so nothing
 *    planted runs; operation files (`MERGE_HEAD`, `rebase-merge/`, …) the snapshot did not
 *    have are removed;
 * 2. branches, tags, `refs/stash` and the stash reflog as recorded; HEAD on the same branch
 *    (or detached at the same commit);
 * 3. the index file byte for byte, with its original modification time, so `git status`,
 *    `git diff --cached` and `git diff` report exactly what they did (git may later refresh
 *    the index's stat data, which changes its bytes but not its meaning);
 * 4. every tracked and untracked, not ignored file: bytes, kind and mode; untouched files are
 *    not rewritten;
 * 5. files that are new (untracked, not ignored, not in the snapshot) are removed, as are new
 *    empty folders; recorded folders (empty ones too) come back with their modes.
 *
 * Not restored: ignored files (`node_modules/`, build output — an executor's changes there
 * stay; none is ever deleted), submodules and nested repositories, branch reflogs (they keep
 * the executor's commits findable), objects written to the object database (unreferenced; git
 * prunes them). Idempotent: running it again changes nothing. The snapshot folder is kept
 * until {@linkcode disposeSnapshot}.
 *
 * @throws {SolidifyError} `NOT_RESTORABLE` for a baseline snapshot or a missing backup
 * folder; `GIT_BUSY` when another git process holds the index lock; `ROLLBACK_INCOMPLETE`
 * when a git object a file needs was pruned.
 *
 * @example
 * ```ts
 * const snapshot = await snapshotWorkspace(workspace);
 * await runExecutor(argv, prompt, { cwd: workspace, timeoutMs: 600_000 });
 * await rollback(snapshot); // as if the executor had never run
 * ```
 */
export async function rollback(snapshot: WorkspaceSnapshot): Promise<RollbackReport> {
  if (snapshot.kind !== "full") {
    throw new SolidifyError(
      "NOT_RESTORABLE",
      `a baseline snapshot of ${snapshot.root} records no files; only a snapshot taken before ` +
        `the change (snapshotWorkspace) can roll it back`,
    );
  }
  if (!(await _lstatOrNull(join(snapshot.backupDir, "snapshot.json")))) {
    throw new SolidifyError(
      "NOT_RESTORABLE",
      `the snapshot folder ${snapshot.backupDir} is gone; ${snapshot.root} cannot be restored`,
    );
  }
  await _restoreGitMeta(snapshot.commonDir, snapshot.backupDir, snapshot.gitMeta);
  for (const name of _STATE_FILES) {
    if (!snapshot.stateFiles.includes(name)) await _remove(join(snapshot.gitDir, name));
  }
  const refs = await _restoreRefs(snapshot);
  await _restoreIndex(snapshot);
  const restored = await _restoreFiles(snapshot);
  const skip = _skipSet(snapshot);
  const removed = await _removeNewFiles(snapshot, skip);
  removed.push(...(await _restoreDirs(snapshot, skip)));
  return { restored, removed, refs };
}

/** Folders never walked or touched: ignored ones, submodules, nested repositories. */
function _skipSet(snapshot: WorkspaceSnapshot): Set<string> {
  return new Set([
    ...snapshot.skipped,
    ...snapshot.ignored.filter((p) => p.endsWith("/")).map((p) => p.slice(0, -1)),
  ]);
}

/** Untracked, not ignored files that the snapshot did not have (new nested repos included). */
async function _removeNewFiles(
  snapshot: WorkspaceSnapshot,
  skip: ReadonlySet<string>,
): Promise<string[]> {
  const known = new Set(snapshot.files.map((file) => file.path));
  const ignoredFiles = new Set(snapshot.ignored);
  const removed: string[] = [];
  for (const listed of await _listUntracked(snapshot.root)) {
    const path = listed.replace(/\/$/, "");
    if (known.has(path) || ignoredFiles.has(path) || _under(path, skip)) continue;
    await _remove(_abs(snapshot.root, path));
    removed.push(path);
  }
  return removed;
}

function _under(path: string, folders: ReadonlySet<string>): boolean {
  const parts = path.split("/");
  return parts.some((_, i) => folders.has(parts.slice(0, i + 1).join("/")));
}
