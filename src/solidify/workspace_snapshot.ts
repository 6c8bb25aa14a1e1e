import { z } from "zod";

const Mode = z.number().int().min(0).max(0o7777);
const Sha256 = z.string().regex(/^(?:[0-9a-f]{64})?$/);
const RelativePath = z.string().min(1).refine(
  (p) => !p.startsWith("/") && !p.split("/").includes(".."),
  {
    message: "expected a relative path inside the work tree",
  },
);

/**
 * One path of the work tree as it was when the snapshot was taken, and where its bytes can be
 * found again (`source`):
 * - `backup`: copied into the snapshot folder (untracked files, and tracked files whose bytes
 *   differ from their index entry — the user's uncommitted edits);
 * - `blob`: the raw bytes hash to exactly the staged blob, so `git cat-file blob` gives them
 *   back (no filters are applied either way);
 * - `link`: a symbolic link, restored from `linkTarget`;
 * - `none`: nothing to restore: a tracked file the user deleted (`missing`), or `other` — a
 *   directory or special file where a tracked file was, which is never touched.
 */
export const FileRecordSchema = z.object({
  /** Relative to the work tree's top level, `/`-separated. */
  path: RelativePath,
  kind: z.enum(["file", "symlink", "missing", "other"]),
  /** Permission bits (`st_mode & 0o7777`); 0 when missing. */
  mode: Mode,
  /** Bytes; 0 when missing or other. */
  size: z.number().int().nonnegative(),
  /** Hex SHA-256 of the content (of the target, for a link); "" when missing or other. */
  sha256: Sha256,
  /** In the index at snapshot time (otherwise an untracked, not ignored file). */
  tracked: z.boolean(),
  source: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("backup"), file: z.string() }),
    z.object({ kind: z.literal("blob"), oid: z.string().regex(/^[0-9a-f]{40,64}$/) }),
    z.object({ kind: z.literal("link"), linkTarget: z.string() }),
    z.object({ kind: z.literal("none") }),
  ]),
});

/** See {@link FileRecordSchema}. */
export type FileRecord = z.infer<typeof FileRecordSchema>;

/** A directory of the work tree (not ignored) and its permission bits. */
export const DirRecordSchema = z.object({ path: RelativePath, mode: Mode });

/** See {@link DirRecordSchema}. */
export type DirRecord = z.infer<typeof DirRecordSchema>;

/** A file under the git directory that can run code or change git's view: hooks, info, config. */
export const GitMetaRecordSchema = z.object({
  /** Relative to the common git directory, e.g. `hooks/pre-commit`, `config`. */
  path: RelativePath,
  mode: Mode,
  /** Of the content, or of the link target. */
  sha256: Sha256,
  /** Backup file name inside the snapshot folder ("" for a link). */
  file: z.string(),
  /** Set when the entry is a symbolic link (husky-style hooks are). */
  linkTarget: z.string().nullable(),
});

/** See {@link GitMetaRecordSchema}. */
export type GitMetaRecord = z.infer<typeof GitMetaRecordSchema>;

/**
 * Everything needed to measure what happened to a work tree since, and to put it back.
 * Plain JSON: {@linkcode snapshotWorkspace} also writes it to `snapshot.json` in `backupDir`,
 * so a later process (`lshml solidify` run by hand) can {@linkcode readSnapshot} it.
 *
 * `kind: "baseline"` snapshots ({@linkcode baselineSnapshot}) only describe a commit: they can
 * measure, never roll back.
 */
export const WorkspaceSnapshotSchema = z.object({
  version: z.literal(1),
  kind: z.enum(["full", "baseline"]),
  /** Absolute top level of the work tree. */
  root: z.string().min(1),
  /** Absolute `git rev-parse --absolute-git-dir`. */
  gitDir: z.string().min(1),
  /** Absolute `git rev-parse --git-common-dir` (differs from gitDir in linked worktrees). */
  commonDir: z.string().min(1),
  objectFormat: z.enum(["sha1", "sha256"]),
  /** ISO 8601. */
  createdAt: z.string(),
  /** The commit HEAD resolved to, and the branch it named (`refs/heads/…`), null if detached. */
  head: z.object({ commit: z.string(), branch: z.string().nullable() }),
  /** `refs/heads/*`, `refs/tags/*` and `refs/stash` → object id. */
  refs: z.record(z.string(), z.string()),
  /**
   * Tree ids: `worktree` = every tracked and untracked, not ignored file as it was on disk;
   * `index` = what was staged. Both are written to the object database (unreferenced).
   */
  trees: z.object({ worktree: z.string(), index: z.string() }),
  /** Folder holding the backups and `snapshot.json` (mode 0700; the user's files are in it). */
  backupDir: z.string().min(1),
  /** The index file's SHA-256 (backup `index`) and modification time; null if there was none. */
  index: z.object({ sha256: Sha256, mtimeMs: z.number() }).nullable(),
  files: z.array(FileRecordSchema),
  /** `git ls-files --others --ignored --directory` output: left alone, never deleted. */
  ignored: z.array(z.string()),
  /** Submodules and nested repositories: never looked into, never touched. */
  skipped: z.array(z.string()),
  dirs: z.array(DirRecordSchema),
  gitMeta: z.array(GitMetaRecordSchema),
  /** Operation files present in the git dir (`MERGE_MSG`, …); others are removed on rollback. */
  stateFiles: z.array(z.string()),
  /** Whether `logs/refs/stash` existed (backup `stash-log`); `git stash list` reads it. */
  stashLog: z.boolean(),
});

/** See {@link WorkspaceSnapshotSchema}. */
export type WorkspaceSnapshot = z.infer<typeof WorkspaceSnapshotSchema>;
