/** What went wrong, for callers that branch on it (the CLI maps codes to exit statuses). */
export type SolidifyErrorCode =
  | "NOT_A_WORK_TREE"
  | "NO_COMMITS"
  | "OPERATION_IN_PROGRESS"
  | "UNMERGED_INDEX"
  | "GIT_BUSY"
  | "GIT_FAILED"
  | "SNAPSHOT_UNUSABLE"
  | "NOT_RESTORABLE"
  | "ROLLBACK_INCOMPLETE";

/**
 * A workspace could not be snapshotted, measured or restored. The message names the
 * workspace or the git command and quotes what git said.
 *
 * @example
 * ```ts
 * import { SolidifyError, snapshotWorkspace } from "./mod.ts";
 * try {
 *   await snapshotWorkspace("/tmp/not-a-repo");
 * } catch (error) {
 *   if (error instanceof SolidifyError && error.code === "NOT_A_WORK_TREE") {
 *     // tell the user to point `workspace` at a git checkout
 *   }
 * }
 * ```
 */
export class SolidifyError extends Error {
  readonly code: SolidifyErrorCode;

  constructor(code: SolidifyErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
    this.name = "SolidifyError";
    this.code = code;
  }
}
