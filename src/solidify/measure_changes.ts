import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import type { WorkspaceSnapshot } from "./workspace_snapshot.ts";
import { _diffTrees, type _TreeChange } from "./_diff_trees.ts";
import { _gitText } from "./_git.ts";
import { _gitMetaChanges } from "./_git_meta.ts";
import { _readHead, _readRefs } from "./_repo.ts";
import { _indexTree, _worktreeTree } from "./_trees.ts";
import { _abs, _lstatOrNull, _remove } from "./_fs.ts";
import { _mapLimit } from "./_map_limit.ts";

const PARALLEL_STATS = 16;

/** Where a change was seen first: on disk, only in the index, or only in new commits. */
export type ChangeWhere = "worktree" | "index" | "commits";

/** One path that changed since the snapshot. */
export interface FileChange {
  /** Relative to the work tree's top level, `/`-separated (the new path of a rename). */
  readonly path: string;
  /** The path before a rename; null otherwise. */
  readonly oldPath: string | null;
  /**
   * `mode_changed`: only permission bits changed that git does not track (0644 → 0666);
   * full snapshots only, seen by comparing with the recorded modes.
   */
  readonly kind: "added" | "modified" | "deleted" | "renamed" | "type_changed" | "mode_changed";
  /** Lines added and removed (0 and 0 for a binary file, which still counts as a file). */
  readonly added: number;
  readonly removed: number;
  readonly binary: boolean;
  /** The path was an untracked file of the user's when the snapshot was taken. */
  readonly preexistingUntracked: boolean;
  readonly where: ChangeWhere;
}

/** A branch, tag or stash ref that moved, appeared (`before` null) or went (`after` null). */
export interface RefChange {
  readonly name: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** A file under the git dir that changed, named `.git/hooks/pre-commit`, `.git/config`, … */
export interface GitMetaChange {
  readonly path: string;
  readonly kind: "added" | "modified" | "deleted";
}

/** A pair of trees or commits that were compared; {@linkcode unifiedDiff} reuses them. */
export interface DiffRange {
  readonly where: ChangeWhere;
  readonly from: string;
  readonly to: string;
}

/** What changed in a work tree since a snapshot. */
export interface ChangeSet {
  readonly root: string;
  /** Each changed path once, sorted by path. */
  readonly files: readonly FileChange[];
  /** `files`: changed paths; `lines`: added + removed over all of them. */
  readonly totals: { readonly files: number; readonly lines: number };
  readonly head: {
    readonly before: string;
    /** Null when HEAD no longer resolves to a commit. */
    readonly after: string | null;
    readonly branchBefore: string | null;
    readonly branchAfter: string | null;
  };
  readonly refs: readonly RefChange[];
  /** Hooks, `info/*` or `config` under the git dir that changed (full snapshots only). */
  readonly gitMeta: readonly GitMetaChange[];
  readonly ranges: readonly DiffRange[];
}

/**
 * What changed since `snapshot`, by comparing trees, so every way of changing a repository
 * is seen: files edited, added or deleted on disk (the work tree, untracked files included),
 * changes only staged, and commits made or dropped (HEAD moved) even when the work tree was
 * then put back. A path is reported once, from the first place it differs, in that order;
 * its lines come from that comparison. The user's own uncommitted work at snapshot time is
 * part of the "before" side, so it is never counted.
 *
 * Also reported: moved refs, and changed hooks/config under the git dir (full snapshots
 * only; a baseline cannot know them). Nothing in the work tree or the index is modified
 * (trees are built in private index copies; their objects go to the object database).
 *
 * @throws {SolidifyError} `UNMERGED_INDEX` when the index was left with conflicts.
 *
 * @example
 * ```ts
 * const changes = await measureChanges(snapshot);
 * console.log(changes.totals); // { files: 1, lines: 4 }
 * ```
 */
export async function measureChanges(snapshot: WorkspaceSnapshot): Promise<ChangeSet> {
  const { root, gitDir } = snapshot;
  const scratch = await mkdtemp(join(snapshot.backupDir, "measure-"));
  try {
    const head = await _readHead(root);
    const emptyTree = await _gitText(root, ["hash-object", "-t", "tree", "--stdin"], { input: "" });
    const candidates: DiffRange[] = [
      {
        where: "worktree",
        from: snapshot.trees.worktree,
        to: await _worktreeTree(root, gitDir, scratch),
      },
      { where: "index", from: snapshot.trees.index, to: await _indexTree(root, gitDir, scratch) },
      { where: "commits", from: snapshot.head.commit, to: head.commit ?? emptyTree },
    ];
    const ranges = candidates.filter((range) => range.from !== range.to);
    const files = await _mergeRanges(snapshot, ranges);
    return {
      root,
      files,
      totals: {
        files: files.length,
        lines: files.reduce((sum, file) => sum + file.added + file.removed, 0),
      },
      head: {
        before: snapshot.head.commit,
        after: head.commit,
        branchBefore: snapshot.head.branch,
        branchAfter: head.branch,
      },
      refs: _refChanges(snapshot.refs, await _readRefs(root)),
      gitMeta: snapshot.kind === "full"
        ? (await _gitMetaChanges(snapshot.commonDir, snapshot.gitMeta))
          .map((change) => ({ path: `.git/${change.path}`, kind: change.kind }))
        : [],
      ranges,
    };
  } finally {
    await _remove(scratch);
  }
}

async function _mergeRanges(
  snapshot: WorkspaceSnapshot,
  ranges: readonly DiffRange[],
): Promise<FileChange[]> {
  const untracked = new Set(snapshot.files.filter((f) => !f.tracked).map((f) => f.path));
  const byPath = new Map<string, FileChange>();
  for (const range of ranges) {
    for (const change of await _diffTrees(snapshot.root, range.from, range.to)) {
      if (byPath.has(change.path)) continue;
      byPath.set(change.path, _fileChange(change, range.where, untracked));
    }
  }
  if (snapshot.kind === "full") {
    for (const change of await _modeChanges(snapshot, byPath)) byPath.set(change.path, change);
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Recorded files whose permission bits changed while git saw nothing (it keeps only +x). */
async function _modeChanges(
  snapshot: WorkspaceSnapshot,
  seen: ReadonlyMap<string, FileChange>,
): Promise<FileChange[]> {
  const candidates = snapshot.files.filter((f) => f.kind === "file" && !seen.has(f.path));
  const modes = await _mapLimit(candidates, PARALLEL_STATS, async (record) => {
    const stats = await _lstatOrNull(_abs(snapshot.root, record.path));
    return stats?.isFile() ? stats.mode & 0o7777 : record.mode;
  });
  return candidates.filter((record, i) => modes[i] !== record.mode).map((record) => ({
    path: record.path,
    oldPath: null,
    kind: "mode_changed",
    added: 0,
    removed: 0,
    binary: false,
    preexistingUntracked: !record.tracked,
    where: "worktree",
  }));
}

function _fileChange(
  change: _TreeChange,
  where: ChangeWhere,
  untracked: ReadonlySet<string>,
): FileChange {
  const preexistingUntracked = untracked.has(change.oldPath ?? change.path);
  return { ...change, preexistingUntracked, where };
}

function _refChanges(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): RefChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .map((name) => ({ name, before: before[name] ?? null, after: after[name] ?? null }))
    .filter((change) => change.before !== change.after);
}
