import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { WorkspaceSnapshot } from "./workspace_snapshot.ts";
import { _git, _gitText } from "./_git.ts";
import { _readHead, _readRefs, _repoInfo } from "./_repo.ts";
import type { SnapshotOptions } from "./snapshot_workspace.ts";
import { _makeBackupDir } from "./_backup_dir.ts";

/** Options for {@linkcode baselineSnapshot}. */
export interface BaselineOptions extends SnapshotOptions {
  /** The commit to measure from (default `HEAD`). */
  readonly rev?: string;
}

/**
 * A measure-only snapshot for `lshml solidify` run by hand after an external agent acted,
 * when nobody took a snapshot before: the "before" side is commit `rev` (default HEAD), so
 * every uncommitted change — the agent's and the user's alike, they cannot be told apart —
 * and every commit since `rev` counts as the change. {@linkcode rollback} refuses it (it
 * cannot know what was the user's); solidify with one reports, never rolls back.
 *
 * @throws {RangeError} when `rev` is not a commit; {@linkcode SolidifyError}
 * `NOT_A_WORK_TREE`.
 *
 * @example
 * ```ts
 * const result = await solidify({ snapshot: await baselineSnapshot(".", { rev: "HEAD~1" }), … });
 * ```
 */
export async function baselineSnapshot(
  dir: string,
  options: BaselineOptions = {},
): Promise<WorkspaceSnapshot> {
  const info = await _repoInfo(dir);
  const rev = options.rev ?? "HEAD";
  const resolved = await _git(info.root, ["rev-parse", "--verify", "-q", `${rev}^{commit}`], {
    okCodes: [1],
  });
  const commit = new TextDecoder().decode(resolved.stdout).trim();
  if (resolved.code !== 0 || commit === "") {
    throw new RangeError(`"${rev}" is not a commit in ${info.root}`);
  }
  const tree = await _gitText(info.root, ["rev-parse", `${commit}^{tree}`]);
  const backupDir = await _makeBackupDir(info.root, options.backupRoot);
  const snapshot: WorkspaceSnapshot = {
    version: 1,
    kind: "baseline",
    ...info,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    head: { commit, branch: (await _readHead(info.root)).branch },
    refs: await _readRefs(info.root),
    trees: { worktree: tree, index: tree },
    backupDir,
    index: null,
    files: [],
    ignored: [],
    skipped: [],
    dirs: [],
    gitMeta: [],
    stateFiles: [],
    stashLog: false,
  };
  await writeFile(join(backupDir, "snapshot.json"), JSON.stringify(snapshot), { mode: 0o600 });
  return snapshot;
}
