import type { ChangeSet, DiffRange } from "./measure_changes.ts";
import { _git } from "./_git.ts";

/** What {@linkcode unifiedDiff} returns. */
export interface BoundedDiff {
  /** The unified diff, cut at a line boundary when too long, then a truncation marker. */
  readonly text: string;
  readonly truncated: boolean;
  /** Bytes of the whole diff. */
  readonly totalBytes: number;
}

/** How a cut diff ends, so neither a reader nor a parser mistakes it for the whole. */
export const DIFF_TRUNCATION_MARKER = "\n[lshml: diff truncated]\n";

/**
 * The unified diff (`a/` `b/` prefixes, renames detected, binary files as "Binary files
 * differ") of a measured change: the work tree's change first, then — under a `# lshml:`
 * header line — changes only staged or only committed, limited to the paths not already
 * shown. At most `maxBytes` bytes are kept, cut after the last whole line and followed by
 * {@linkcode DIFF_TRUNCATION_MARKER}.
 *
 * @example
 * ```ts
 * const { text, truncated } = await unifiedDiff(changes, 64 * 1024);
 * ```
 */
export async function unifiedDiff(changes: ChangeSet, maxBytes: number): Promise<BoundedDiff> {
  if (!Number.isInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
  }
  const encoder = new TextEncoder();
  const kept: Uint8Array[] = [];
  let keptBytes = 0;
  let totalBytes = 0;
  for (const range of changes.ranges) {
    const paths = changes.files
      .filter((file) => file.where === range.where)
      .flatMap((file) => (file.oldPath === null ? [file.path] : [file.oldPath, file.path]));
    if (paths.length === 0) continue;
    const header = encoder.encode(_header(range));
    const out = await _git(changes.root, _diffArgs(range, paths), {
      maxOutputBytes: Math.max(0, maxBytes - keptBytes - header.length) + 1,
    });
    totalBytes += header.length + out.stdoutTotal;
    for (const part of [header, out.stdout]) {
      const room = maxBytes + 1 - keptBytes;
      const piece = part.subarray(0, Math.max(0, room));
      kept.push(piece);
      keptBytes += piece.length;
    }
  }
  const all = new Uint8Array(keptBytes);
  kept.reduce((at, part) => (all.set(part, at), at + part.length), 0);
  if (totalBytes <= maxBytes) {
    return { text: new TextDecoder().decode(all), truncated: false, totalBytes };
  }
  const head = all.subarray(0, maxBytes);
  const cut = head.lastIndexOf(0x0a) + 1;
  const text = new TextDecoder().decode(head.subarray(0, cut)) + DIFF_TRUNCATION_MARKER;
  return { text, truncated: true, totalBytes };
}

function _header(range: DiffRange): string {
  if (range.where === "worktree") return "";
  const what = range.where === "index" ? "only staged" : "in commits";
  return `# lshml: changes ${what} (${range.from.slice(0, 12)}..${range.to.slice(0, 12)})\n`;
}

function _diffArgs(range: DiffRange, paths: readonly string[]): string[] {
  return [
    "--literal-pathspecs",
    "diff-tree",
    "-r",
    "-p",
    "-M",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    range.from,
    range.to,
    ...(range.where === "worktree" ? [] : ["--", ...paths]),
  ];
}
