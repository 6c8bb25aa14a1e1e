import { _git, _splitZ } from "./_git.ts";

/** One path that differs between two trees. */
export interface _TreeChange {
  readonly path: string;
  readonly oldPath: string | null;
  readonly kind: "added" | "modified" | "deleted" | "renamed" | "type_changed";
  readonly added: number;
  readonly removed: number;
  readonly binary: boolean;
}

const KINDS: Record<string, _TreeChange["kind"]> = {
  A: "added",
  M: "modified",
  D: "deleted",
  R: "renamed",
  T: "type_changed",
};

/**
 * What differs between two trees (or commits), with renames detected (`-M`, git's default
 * 50% similarity) and line counts from `--numstat`; binary files count 0 lines.
 */
export async function _diffTrees(root: string, from: string, to: string): Promise<_TreeChange[]> {
  const base = ["diff-tree", "-r", "-z", "-M", "--no-ext-diff", "--no-textconv", from, to];
  const status = _splitZ((await _git(root, [...base, "--name-status"])).stdout);
  const numstat = _parseNumstat(_splitZ((await _git(root, [...base, "--numstat"])).stdout));
  const changes: _TreeChange[] = [];
  for (let i = 0; i < status.length;) {
    const code = status[i++] ?? "";
    const kind = KINDS[code.charAt(0)] ?? "modified";
    const oldPath = kind === "renamed" ? status[i++] ?? "" : null;
    const path = status[i++] ?? "";
    const lines = numstat.get(path) ?? { added: 0, removed: 0, binary: false };
    changes.push({ path, oldPath, kind, ...lines });
  }
  return changes;
}

/** `--numstat -z`: `A\tR\tpath\0`, or `A\tR\t\0old\0new\0` for a rename; `-\t-` = binary. */
function _parseNumstat(
  fields: readonly string[],
): Map<string, { added: number; removed: number; binary: boolean }> {
  const byPath = new Map<string, { added: number; removed: number; binary: boolean }>();
  for (let i = 0; i < fields.length;) {
    const field = fields[i++] ?? "";
    const tab1 = field.indexOf("\t");
    const tab2 = field.indexOf("\t", tab1 + 1);
    const [added, removed, path] = [
      field.slice(0, tab1),
      field.slice(tab1 + 1, tab2),
      field.slice(tab2 + 1),
    ];
    const target = path === "" ? (i++, fields[i++] ?? "") : path;
    const binary = added === "-";
    byPath.set(target, {
      added: binary ? 0 : Number(added),
      removed: binary ? 0 : Number(removed),
      binary,
    });
  }
  return byPath;
}
