import { _git, _splitZ } from "./_git.ts";

/** One stage-0 index entry. */
export interface _IndexEntry {
  /** Octal git mode: `100644`, `100755`, `120000` (link), `160000` (submodule). */
  readonly mode: string;
  readonly oid: string;
  readonly path: string;
}

/** The index's entries (`git ls-files -s`); a custom index file may be given. */
export async function _listIndex(root: string, indexFile?: string): Promise<_IndexEntry[]> {
  const out = await _git(
    root,
    ["ls-files", "-s", "-z"],
    indexFile === undefined ? {} : { indexFile },
  );
  return _splitZ(out.stdout).map((line) => {
    const tab = line.indexOf("\t");
    const [mode = "", oid = ""] = line.slice(0, tab).split(" ");
    return { mode, oid, path: line.slice(tab + 1) };
  });
}

/**
 * Untracked paths that are not ignored. A nested repository is listed once as `dir/`
 * (git does not look inside); callers treat those as opaque.
 */
export async function _listUntracked(root: string): Promise<string[]> {
  const out = await _git(root, ["ls-files", "-z", "--others", "--exclude-standard"]);
  return _splitZ(out.stdout);
}

/** Ignored paths, whole ignored folders collapsed to `dir/`. */
export async function _listIgnored(root: string): Promise<string[]> {
  const out = await _git(root, [
    "ls-files",
    "-z",
    "--others",
    "--ignored",
    "--exclude-standard",
    "--directory",
  ]);
  return _splitZ(out.stdout);
}
