import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type WorkspaceSnapshot, WorkspaceSnapshotSchema } from "./workspace_snapshot.ts";
import { SolidifyError } from "./solidify_error.ts";

/**
 * Reads the snapshot that {@linkcode snapshotWorkspace} or {@linkcode baselineSnapshot}
 * wrote to `<backupDir>/snapshot.json`, so another process can measure or roll back.
 *
 * @throws {SolidifyError} `SNAPSHOT_UNUSABLE` when the file is missing or not a snapshot.
 *
 * @example
 * ```ts
 * const snapshot = await readSnapshot("/tmp/lshml-snapshot-Ab12Cd");
 * ```
 */
export async function readSnapshot(backupDir: string): Promise<WorkspaceSnapshot> {
  const path = join(backupDir, "snapshot.json");
  try {
    return WorkspaceSnapshotSchema.parse(JSON.parse(await readFile(path, "utf8")));
  } catch (cause) {
    throw new SolidifyError("SNAPSHOT_UNUSABLE", `${path} is not a readable lshml snapshot`, {
      cause,
    });
  }
}
