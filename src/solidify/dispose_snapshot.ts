import { basename, join } from "node:path";
import type { WorkspaceSnapshot } from "./workspace_snapshot.ts";
import { _lstatOrNull, _remove } from "./_fs.ts";

/**
 * Deletes a snapshot's folder (the copies of the user's files in it included). Call it once
 * the change is kept or rolled back; after it, {@linkcode rollback} refuses the snapshot.
 * Only a folder named `lshml-snapshot-*` holding a `snapshot.json` is removed, so a
 * tampered snapshot cannot aim this at another folder. Missing folder: nothing to do.
 */
export async function disposeSnapshot(
  snapshot: Pick<WorkspaceSnapshot, "backupDir">,
): Promise<void> {
  const { backupDir } = snapshot;
  if (!basename(backupDir).startsWith("lshml-snapshot-")) {
    throw new RangeError(`refusing to delete ${backupDir}: not an lshml snapshot folder`);
  }
  if (await _lstatOrNull(join(backupDir, "snapshot.json"))) await _remove(backupDir);
}
