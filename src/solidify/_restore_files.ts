import { chmod, mkdir, readlink, symlink } from "node:fs/promises";
import { join } from "node:path";
import type { FileRecord, WorkspaceSnapshot } from "./workspace_snapshot.ts";
import { _abs, _lstatOrNull, _remove, _writeAtomic } from "./_fs.ts";
import { _hashFile, _sha256 } from "./_hash_file.ts";
import { _catBlobs } from "./_cat_blobs.ts";
import { _mapLimit } from "./_map_limit.ts";

const PARALLEL_FILES = 8;

/**
 * Makes every recorded path what it was: same kind, same bytes (compared by SHA-256, so an
 * untouched file is not rewritten and keeps its inode and times), same mode. Bytes come from
 * the snapshot's backups or, for files that matched their staged blob, from git. Paths the
 * user had deleted are deleted again. Returns the paths that were changed.
 */
export async function _restoreFiles(snapshot: WorkspaceSnapshot): Promise<string[]> {
  const { root } = snapshot;
  const intact = new Map<string, Promise<boolean>>();
  const outcomes = await _mapLimit(
    snapshot.files,
    PARALLEL_FILES,
    (record) => _needs(root, record, intact),
  );
  const changed = snapshot.files.filter((_, i) => outcomes[i] !== "same");
  const fromGit = snapshot.files.flatMap((record, i) =>
    record.source.kind === "blob" && outcomes[i] === "content" ? [record.source.oid] : []
  );
  const blobs = await _catBlobs(root, fromGit);
  for (const [i, record] of snapshot.files.entries()) {
    const need = outcomes[i];
    if (need === "same") continue;
    const path = _abs(root, record.path);
    if (need === "mode") {
      await chmod(path, record.mode);
      continue;
    }
    const { source } = record;
    if (source.kind === "none") {
      await _remove(path);
      continue;
    }
    await _makeParents(root, record.path);
    const current = await _lstatOrNull(path);
    if (current && !current.isFile()) await _remove(path);
    if (source.kind === "link") {
      await _remove(path);
      await symlink(source.linkTarget, path);
    } else if (source.kind === "backup") {
      await _writeAtomic(path, { copyOf: join(snapshot.backupDir, source.file) }, record.mode);
    } else {
      // _catBlobs returned every id asked for, or threw.
      await _writeAtomic(path, { bytes: blobs.get(source.oid) ?? new Uint8Array() }, record.mode);
    }
  }
  return changed.map((record) => record.path);
}

/**
 * What a path needs: nothing, only its mode back, or its content (and kind) back. A path
 * below a folder that is no longer a real folder (a link to elsewhere, a file) is never
 * looked at through it: a file then needs its content back (its folders are rebuilt first),
 * and a path that should be missing already is, inside the work tree.
 */
async function _needs(
  root: string,
  record: FileRecord,
  intact: Map<string, Promise<boolean>>,
): Promise<"same" | "mode" | "content"> {
  if (record.kind === "other") return "same";
  if (!(await _foldersIntact(root, record.path, intact))) {
    return record.kind === "missing" ? "same" : "content";
  }
  const path = _abs(root, record.path);
  const stats = await _lstatOrNull(path);
  switch (record.kind) {
    case "missing":
      return stats && !stats.isDirectory() ? "content" : "same";
    case "symlink":
      return stats?.isSymbolicLink() && _sha256(await readlink(path)) === record.sha256
        ? "same"
        : "content";
    case "file": {
      if (!stats?.isFile() || stats.size !== record.size) return "content";
      const { sha256 } = await _hashFile(path, stats.size, "sha1");
      if (sha256 !== record.sha256) return "content";
      return (stats.mode & 0o7777) === record.mode ? "same" : "mode";
    }
  }
}

/** Whether every folder above `relative` is a real folder (memoised per folder). */
function _foldersIntact(
  root: string,
  relative: string,
  cache: Map<string, Promise<boolean>>,
): Promise<boolean> {
  const slash = relative.lastIndexOf("/");
  if (slash < 0) return Promise.resolve(true);
  const folder = relative.slice(0, slash);
  let answer = cache.get(folder);
  if (answer === undefined) {
    answer = _foldersIntact(root, folder, cache).then(async (above) =>
      above && !!(await _lstatOrNull(_abs(root, folder)))?.isDirectory()
    );
    cache.set(folder, answer);
  }
  return answer;
}

/**
 * Makes every folder above `relative` a real folder again: an executor may have replaced one
 * with a file or a symbolic link (which could point anywhere — writing through it would
 * write outside the work tree), so such an entry is removed, never followed.
 */
async function _makeParents(root: string, relative: string): Promise<void> {
  const parts = relative.split("/").slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const folder = _abs(root, parts.slice(0, i).join("/"));
    const stats = await _lstatOrNull(folder);
    if (stats?.isDirectory()) continue;
    if (stats) await _remove(folder);
    await mkdir(folder);
  }
}
