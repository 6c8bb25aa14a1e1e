import { copyFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { WorkspaceSnapshot } from "./workspace_snapshot.ts";
import { _assertQuiet, _readHead, _readRefs, _repoInfo, _STATE_FILES } from "./_repo.ts";
import type { _RepoInfo } from "./_repo.ts";
import { _listIgnored, _listIndex, _listUntracked } from "./_list_paths.ts";
import { _recordFiles } from "./_record_files.ts";
import { _walkDirs } from "./_walk_dirs.ts";
import { _recordGitMeta } from "./_git_meta.ts";
import { _indexTree, _worktreeTree } from "./_trees.ts";
import { _lstatOrNull, _remove } from "./_fs.ts";
import { _hashFile } from "./_hash_file.ts";
import { _makeBackupDir } from "./_backup_dir.ts";
import { SolidifyError } from "./solidify_error.ts";

/** Options for {@linkcode snapshotWorkspace}. */
export interface SnapshotOptions {
  /**
   * Folder in which the snapshot's own folder (`lshml-snapshot-XXXX`, mode 0700) is created;
   * default the system temp folder; it must lie outside the work tree. The caller removes it
   * with {@linkcode disposeSnapshot}.
   */
  readonly backupRoot?: string;
  /** Clock for `createdAt`. */
  readonly now?: () => Date;
}

/** A git link (submodule) entry in the index. */
const GITLINK_MODE = "160000";

/**
 * Records everything needed to measure and undo what happens next in the git work tree that
 * contains `dir`, without changing anything in it:
 * - HEAD's commit and branch, branches, tags, the stash ref and its reflog;
 * - the index file, byte for byte (and its modification time);
 * - every tracked and every untracked, not ignored file: kind, mode, SHA-256, and its bytes
 *   (copied, unless git's staged blob holds exactly these bytes);
 * - the folders (empty ones too), hooks, `info/` and `config` of the git dir;
 * - the tree ids of the work tree and of the index, for {@linkcode measureChanges}.
 *
 * Ignored files are not recorded (they may be huge: `node_modules/`); they are listed, so
 * rollback never deletes one. Costs one read of every tracked and untracked file.
 *
 * @throws {SolidifyError} `NOT_A_WORK_TREE`, `NO_COMMITS`, `OPERATION_IN_PROGRESS` (mid
 * merge/rebase/cherry-pick/bisect), `UNMERGED_INDEX`, `GIT_BUSY` (index.lock present).
 *
 * @example
 * ```ts
 * const snapshot = await snapshotWorkspace("/path/to/workspace");
 * // … let the executor work …
 * const changes = await measureChanges(snapshot);
 * if (changes.totals.files > 3) await rollback(snapshot);
 * await disposeSnapshot(snapshot);
 * ```
 */
export async function snapshotWorkspace(
  dir: string,
  options: SnapshotOptions = {},
): Promise<WorkspaceSnapshot> {
  const info = await _repoInfo(dir);
  await _assertQuiet(info);
  const head = await _readHead(info.root);
  if (head.commit === null) {
    throw new SolidifyError(
      "NO_COMMITS",
      `${info.root} has no commit yet; commit once so changes can be measured against it`,
    );
  }
  const backupDir = await _makeBackupDir(info.root, options.backupRoot);
  try {
    const snapshot = await _capture(info, { commit: head.commit, branch: head.branch }, backupDir);
    const full: WorkspaceSnapshot = {
      ...snapshot,
      createdAt: (options.now?.() ?? new Date()).toISOString(),
    };
    await writeFile(join(backupDir, "snapshot.json"), JSON.stringify(full), { mode: 0o600 });
    return full;
  } catch (cause) {
    await _remove(backupDir);
    throw cause;
  }
}

async function _capture(
  info: _RepoInfo,
  head: WorkspaceSnapshot["head"],
  backupDir: string,
): Promise<Omit<WorkspaceSnapshot, "createdAt">> {
  const { root, gitDir, commonDir } = info;
  const index = await _backupIndex(join(gitDir, "index"), join(backupDir, "index"));
  const stashLog = await _backupIfPresent(
    join(commonDir, "logs", "refs", "stash"),
    join(backupDir, "stash-log"),
  );
  const stateFiles: string[] = [];
  for (const name of _STATE_FILES) {
    if (await _lstatOrNull(join(gitDir, name))) stateFiles.push(name);
  }
  const entries = await _listIndex(root);
  const skipped = entries.filter((e) => e.mode === GITLINK_MODE).map((e) => e.path);
  const untracked: string[] = [];
  for (const path of await _listUntracked(root)) {
    if (path.endsWith("/")) skipped.push(path.slice(0, -1));
    else untracked.push(path);
  }
  const ignored = await _listIgnored(root);
  const targets = [
    ...entries.filter((e) => e.mode !== GITLINK_MODE).map((e) => ({ path: e.path, oid: e.oid })),
    ...untracked.map((path) => ({ path })),
  ];
  const files = await _recordFiles(root, backupDir, info.objectFormat, targets);
  const skipDirs = new Set([
    ...skipped,
    ...ignored.filter((p) => p.endsWith("/")).map((p) => p.slice(0, -1)),
  ]);
  return {
    version: 1,
    kind: "full",
    root,
    gitDir,
    commonDir,
    objectFormat: info.objectFormat,
    head,
    refs: await _readRefs(root),
    trees: {
      worktree: await _worktreeTree(root, gitDir, backupDir),
      index: await _indexTree(root, gitDir, backupDir),
    },
    backupDir,
    index,
    files,
    ignored,
    skipped,
    dirs: await _walkDirs(root, skipDirs),
    gitMeta: await _recordGitMeta(commonDir, backupDir),
    stateFiles,
    stashLog,
  };
}

/** Copies the index with its hash and time, before anything else could touch it. */
async function _backupIndex(
  from: string,
  to: string,
): Promise<WorkspaceSnapshot["index"]> {
  if (!(await _backupIfPresent(from, to))) return null;
  const { mtimeMs, size } = await stat(from);
  const { sha256 } = await _hashFile(to, size, "sha1");
  return { sha256, mtimeMs };
}

async function _backupIfPresent(from: string, to: string): Promise<boolean> {
  if (!(await _lstatOrNull(from))) return false;
  await copyFile(from, to);
  return true;
}
