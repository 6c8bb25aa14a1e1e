import { chmod, mkdtemp, realpath } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, sep } from "node:path";
import { _remove } from "./_fs.ts";

/**
 * Creates the snapshot folder (`lshml-snapshot-XXXXXX`, mode 0700: it holds copies of the
 * user's files) under `backupRoot`, default the system temp folder. It must lie outside the
 * work tree: inside, it would be measured as a change and deleted by a rollback.
 *
 * @throws {RangeError} when it would be inside `root`.
 */
export async function _makeBackupDir(
  root: string,
  backupRoot: string | undefined,
): Promise<string> {
  const folder = await realpath(await mkdtemp(join(backupRoot ?? tmpdir(), "lshml-snapshot-")));
  const inside = relative(root, folder);
  if (inside !== ".." && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)) {
    await _remove(folder);
    throw new RangeError(`the snapshot folder must be outside the work tree ${root}: ${folder}`);
  }
  await chmod(folder, 0o700);
  return folder;
}
