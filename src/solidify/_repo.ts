import { realpath } from "node:fs/promises";
import { join, resolve } from "node:path";
import { _git, _gitText } from "./_git.ts";
import { _lstatOrNull } from "./_fs.ts";
import { SolidifyError } from "./solidify_error.ts";

/** Where a work tree's pieces are. */
export interface _RepoInfo {
  readonly root: string;
  readonly gitDir: string;
  readonly commonDir: string;
  readonly objectFormat: "sha1" | "sha256";
}

/** Operation files whose presence means git is in the middle of something. */
const IN_PROGRESS = [
  "MERGE_HEAD",
  "CHERRY_PICK_HEAD",
  "REVERT_HEAD",
  "rebase-merge",
  "rebase-apply",
  "BISECT_START",
  "sequencer",
];
/** Every operation file rollback knows: those absent from the snapshot are removed. */
export const _STATE_FILES = [
  ...IN_PROGRESS,
  "MERGE_MSG",
  "MERGE_MODE",
  "MERGE_RR",
  "AUTO_MERGE",
  "SQUASH_MSG",
  "BISECT_LOG",
  "BISECT_TERMS",
  "BISECT_NAMES",
  "BISECT_EXPECTED_REV",
  "BISECT_ANCESTORS_OK",
];

/** Finds the work tree that contains `dir`; a bare repository or a plain folder is an error. */
export async function _repoInfo(dir: string): Promise<_RepoInfo> {
  let inside: string;
  try {
    inside = await _gitText(dir, ["rev-parse", "--is-inside-work-tree"]);
  } catch (cause) {
    throw new SolidifyError("NOT_A_WORK_TREE", `${dir} is not inside a git work tree`, { cause });
  }
  if (inside !== "true") {
    throw new SolidifyError("NOT_A_WORK_TREE", `${dir} is not inside a git work tree`);
  }
  const [top, gitDir, commonDir] = (await _gitText(dir, [
    "rev-parse",
    "--show-toplevel",
    "--absolute-git-dir",
    "--git-common-dir",
  ])).split("\n");
  const root = await realpath(top ?? dir);
  const format = await _gitText(root, ["rev-parse", "--show-object-format"]);
  return {
    root,
    gitDir: gitDir ?? join(root, ".git"),
    commonDir: resolve(dir, commonDir ?? ".git"),
    objectFormat: format === "sha256" ? "sha256" : "sha1",
  };
}

/** Refuses a work tree that git is in the middle of changing: it cannot be restored exactly. */
export async function _assertQuiet(info: _RepoInfo): Promise<void> {
  for (const name of IN_PROGRESS) {
    if (await _lstatOrNull(join(info.gitDir, name))) {
      throw new SolidifyError(
        "OPERATION_IN_PROGRESS",
        `${info.root} is in the middle of a git operation (${name} exists); ` +
          `finish or abort it (git merge/rebase/cherry-pick --abort) first`,
      );
    }
  }
  if (await _lstatOrNull(join(info.gitDir, "index.lock"))) {
    throw new SolidifyError(
      "GIT_BUSY",
      `${join(info.gitDir, "index.lock")} exists: another git process is running, ` +
        `or one crashed (then remove the file)`,
    );
  }
  const unmerged = await _git(info.root, ["ls-files", "-u", "-z"]);
  if (unmerged.stdout.length > 0) {
    throw new SolidifyError(
      "UNMERGED_INDEX",
      `${info.root} has unresolved merge conflicts; resolve them first`,
    );
  }
}

/** HEAD's commit (null when unborn) and the branch it names (null when detached). */
export async function _readHead(
  root: string,
): Promise<{ commit: string | null; branch: string | null }> {
  const commit = await _git(root, ["rev-parse", "--verify", "-q", "HEAD^{commit}"], {
    okCodes: [1],
  });
  const branch = await _git(root, ["symbolic-ref", "-q", "HEAD"], { okCodes: [1] });
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).trim() || null;
  return { commit: text(commit.stdout), branch: text(branch.stdout) };
}

/** Branches, tags and the stash, name → object id. */
export async function _readRefs(root: string): Promise<Record<string, string>> {
  // Ref names cannot contain spaces or newlines (git check-ref-format), so lines are safe.
  const out = await _gitText(root, [
    "for-each-ref",
    "--format=%(objectname) %(refname)",
    "refs/heads",
    "refs/tags",
    "refs/stash",
  ]);
  const refs: Record<string, string> = {};
  for (const line of out.split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) refs[line.slice(space + 1)] = line.slice(0, space);
  }
  return refs;
}
