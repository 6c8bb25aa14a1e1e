import { copyFile, mkdir, readlink } from "node:fs/promises";
import { join } from "node:path";
import type { FileRecord } from "./workspace_snapshot.ts";
import type { _IndexEntry } from "./_list_paths.ts";
import { _abs, _lstatOrNull } from "./_fs.ts";
import { _hashFile, _sha256 } from "./_hash_file.ts";
import { _mapLimit } from "./_map_limit.ts";

/** Files hashed or copied at once. */
const PARALLEL_FILES = 8;

/** What to record: a tracked entry (with its staged blob) or an untracked path. */
export interface _RecordTarget {
  readonly path: string;
  /** The staged blob id, undefined for untracked files. */
  readonly oid?: string;
}

/**
 * Records each path's kind, mode and SHA-256, and makes sure its bytes can be had again:
 * a tracked file whose raw bytes hash to its staged blob is restorable from git; every other
 * file (the user's edits, untracked files) is copied to `<backupDir>/files/<n>`, and the
 * record's hash is taken from the copy, so record and backup always agree.
 */
export async function _recordFiles(
  root: string,
  backupDir: string,
  objectFormat: "sha1" | "sha256",
  targets: readonly _RecordTarget[],
): Promise<FileRecord[]> {
  await mkdir(join(backupDir, "files"), { recursive: true });
  return await _mapLimit(targets, PARALLEL_FILES, async (target, n) => {
    const absolute = _abs(root, target.path);
    const tracked = target.oid !== undefined;
    const base = { path: target.path, tracked };
    const stats = await _lstatOrNull(absolute);
    if (!stats) {
      return { ...base, kind: "missing", mode: 0, size: 0, sha256: "", source: { kind: "none" } };
    }
    const mode = stats.mode & 0o7777;
    if (stats.isSymbolicLink()) {
      const linkTarget = await readlink(absolute);
      return {
        ...base,
        kind: "symlink",
        mode,
        size: stats.size,
        sha256: _sha256(linkTarget),
        source: { kind: "link", linkTarget },
      };
    }
    if (!stats.isFile()) {
      return { ...base, kind: "other", mode, size: 0, sha256: "", source: { kind: "none" } };
    }
    if (tracked) {
      const hashes = await _hashFile(absolute, stats.size, objectFormat);
      if (hashes.oid === target.oid) {
        const source = { kind: "blob", oid: target.oid } as const;
        return { ...base, kind: "file", mode, size: hashes.size, sha256: hashes.sha256, source };
      }
    }
    const file = `files/${n}`;
    await copyFile(absolute, join(backupDir, file));
    const copied = await _hashFile(join(backupDir, file), stats.size, objectFormat);
    const source = { kind: "backup", file } as const;
    return { ...base, kind: "file", mode, size: copied.size, sha256: copied.sha256, source };
  });
}
