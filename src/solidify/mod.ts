/**
 * Execute mode's safety net (DESIGN §6.5): snapshot a git work tree before an executor
 * acts, measure what it changed, check the change (blast radius, protected paths, ethics),
 * run validation and canary commands without a shell, and roll back exactly — keeping the
 * user's own uncommitted edits, staged changes and untracked files byte for byte — when any
 * of it fails. Runtime-neutral (`node:` built-ins, git from PATH); no configuration is read
 * here: the cycle and the CLI pass everything in.
 *
 * @example
 * ```ts
 * import { disposeSnapshot, runExecutor, snapshotWorkspace, solidify } from "./mod.ts";
 * const snapshot = await snapshotWorkspace(workspace);
 * await runExecutor(["my-agent"], gepPrompt, { cwd: workspace, timeoutMs: 600_000 });
 * const result = await solidify({
 *   snapshot, gene, hardCaps: { maxFiles: 20, maxLines: 1000 },
 *   validation: [["deno", "task", "test"]], canary: [],
 *   timeoutMs: 120_000, allowSelfModify: false, rollbackOnFailure: true,
 * });
 * await disposeSnapshot(snapshot);
 * ```
 *
 * @module
 */
export { snapshotWorkspace } from "./snapshot_workspace.ts";
export type { SnapshotOptions } from "./snapshot_workspace.ts";
export { baselineSnapshot } from "./baseline_snapshot.ts";
export type { BaselineOptions } from "./baseline_snapshot.ts";
export { readSnapshot } from "./read_snapshot.ts";
export { disposeSnapshot } from "./dispose_snapshot.ts";
export {
  DirRecordSchema,
  FileRecordSchema,
  GitMetaRecordSchema,
  WorkspaceSnapshotSchema,
} from "./workspace_snapshot.ts";
export type {
  DirRecord,
  FileRecord,
  GitMetaRecord,
  WorkspaceSnapshot,
} from "./workspace_snapshot.ts";
export { measureChanges } from "./measure_changes.ts";
export type {
  ChangeSet,
  ChangeWhere,
  DiffRange,
  FileChange,
  GitMetaChange,
  RefChange,
} from "./measure_changes.ts";
export { DIFF_TRUNCATION_MARKER, unifiedDiff } from "./unified_diff.ts";
export type { BoundedDiff } from "./unified_diff.ts";
export { checkBlastRadius } from "./check_blast_radius.ts";
export type { BlastLimits, BlastViolation } from "./check_blast_radius.ts";
export { globToRegExp, matchGlob } from "./glob.ts";
export { checkPaths, DEFAULT_CRITICAL_PATHS, DEFAULT_FORBIDDEN_PATHS } from "./check_paths.ts";
export type { PathRules, PathViolation } from "./check_paths.ts";
export { ETHICS_WINDOW_LINES, ethicsCheck, EXCERPT_CHARS } from "./ethics_check.ts";
export type { EthicsCategory, EthicsFinding, EthicsInput } from "./ethics_check.ts";
export { runCommands } from "./run_commands.ts";
export type { CommandResult, RunOptions } from "./run_commands.ts";
export { runExecutor } from "./run_executor.ts";
export type { ExecutorOptions, ExecutorResult } from "./run_executor.ts";
export { rollback } from "./rollback.ts";
export type { RollbackReport } from "./rollback.ts";
export { solidify } from "./solidify.ts";
export type { SolidifyGene, SolidifyOptions, SolidifyResult, SolidifyStage } from "./solidify.ts";
export { SolidifyError } from "./solidify_error.ts";
export type { SolidifyErrorCode } from "./solidify_error.ts";
