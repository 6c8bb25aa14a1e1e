import { copyFile, mkdir, readdir, readlink, symlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { GitMetaRecord } from "./workspace_snapshot.ts";
import { _abs, _lstatOrNull, _remove, _writeAtomic } from "./_fs.ts";
import { _hashFile, _sha256 } from "./_hash_file.ts";

/** Under the common git dir: code that git runs (hooks), and config that changes its view. */
const META_FOLDERS = ["hooks", "info"];
const META_FILES = ["config"];

/** A git metadata file that differs from the snapshot. */
export interface _GitMetaChange {
  /** Relative to the common git dir, e.g. `hooks/pre-commit`. */
  readonly path: string;
  readonly kind: "added" | "modified" | "deleted";
}

/**
 * Copies hooks, `info/*` and `config` into `<backupDir>/meta/<n>` and records their hashes
 * (links are recorded by target).
 */
export async function _recordGitMeta(
  commonDir: string,
  backupDir: string,
): Promise<GitMetaRecord[]> {
  await mkdir(join(backupDir, "meta"), { recursive: true });
  const records: GitMetaRecord[] = [];
  for (const path of await _listGitMeta(commonDir)) {
    const file = `meta/${records.length}`;
    const source = _abs(commonDir, path);
    const stats = await _lstatOrNull(source);
    if (stats?.isSymbolicLink()) {
      const linkTarget = await readlink(source);
      records.push({ path, mode: 0, sha256: _sha256(linkTarget), file: "", linkTarget });
    } else if (stats?.isFile()) {
      await copyFile(source, join(backupDir, file));
      const { sha256 } = await _hashFile(join(backupDir, file), stats.size, "sha1");
      records.push({ path, mode: stats.mode & 0o7777, sha256, file, linkTarget: null });
    }
  }
  return records;
}

/** What changed under the git dir since the records were taken. */
export async function _gitMetaChanges(
  commonDir: string,
  records: readonly GitMetaRecord[],
): Promise<_GitMetaChange[]> {
  const changes: _GitMetaChange[] = [];
  const known = new Map(records.map((record) => [record.path, record]));
  for (const path of await _listGitMeta(commonDir)) {
    const record = known.get(path);
    known.delete(path);
    if (!record) changes.push({ path, kind: "added" });
    else if (!(await _sameAsRecord(commonDir, record))) changes.push({ path, kind: "modified" });
  }
  for (const path of known.keys()) changes.push({ path, kind: "deleted" });
  return changes;
}

/** Puts hooks, info and config back as recorded; files added since are removed. */
export async function _restoreGitMeta(
  commonDir: string,
  backupDir: string,
  records: readonly GitMetaRecord[],
): Promise<void> {
  for (const folder of META_FOLDERS) {
    // A folder swapped for a link would have us write through it, outside the git dir.
    const stats = await _lstatOrNull(join(commonDir, folder));
    if (stats && !stats.isDirectory()) await _remove(join(commonDir, folder));
  }
  const known = new Set(records.map((record) => record.path));
  for (const path of await _listGitMeta(commonDir)) {
    if (!known.has(path)) await _remove(_abs(commonDir, path));
  }
  for (const record of records) {
    if (await _sameAsRecord(commonDir, record)) continue;
    const target = _abs(commonDir, record.path);
    await mkdir(dirname(target), { recursive: true });
    const stats = await _lstatOrNull(target);
    if (stats && !stats.isFile()) await _remove(target);
    if (record.linkTarget !== null) {
      await _remove(target);
      await symlink(record.linkTarget, target);
    } else {
      await _writeAtomic(target, { copyOf: join(backupDir, record.file) }, record.mode);
    }
  }
}

async function _sameAsRecord(commonDir: string, record: GitMetaRecord): Promise<boolean> {
  const path = _abs(commonDir, record.path);
  const stats = await _lstatOrNull(path);
  if (record.linkTarget !== null) {
    return !!stats?.isSymbolicLink() && _sha256(await readlink(path)) === record.sha256;
  }
  if (!stats?.isFile() || (stats.mode & 0o7777) !== record.mode) return false;
  return (await _hashFile(path, stats.size, "sha1")).sha256 === record.sha256;
}

/** Files (and links) under the metadata folders, plus the metadata files that exist. */
async function _listGitMeta(commonDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of META_FILES) {
    if (await _lstatOrNull(join(commonDir, name))) found.push(name);
  }
  const visit = async (relative: string): Promise<void> => {
    const stats = await _lstatOrNull(_abs(commonDir, relative));
    if (!stats?.isDirectory()) return;
    for (const entry of await readdir(_abs(commonDir, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) await visit(path);
      else found.push(path);
    }
  };
  for (const folder of META_FOLDERS) await visit(folder);
  return found.sort();
}
