import { expect } from "vitest";
import {
  disposeSnapshot,
  type ExecutorResult,
  runExecutor,
  snapshotWorkspace,
  solidify,
  type SolidifyGene,
  type SolidifyOptions,
  type SolidifyResult,
  type WorkspaceSnapshot,
} from "../../src/solidify/mod.ts";
import {
  captureState,
  EXECUTOR_ARGV,
  makeRepo,
  promptFor,
  type RepoState,
  VALIDATION,
} from "./_repo.ts";

/** The gene under test: a small repair with tight limits. */
export const GENE: SolidifyGene = {
  id: "gene_test_fix_add",
  constraints: { max_files: 5, max_lines: 40, forbidden_paths: [".git/**", "**/.env"] },
  strategy: ["Fix add() in src/math.ts so that add(2, 3) is 5.", "Run the checks."],
};

/** What one execute-mode run left behind. */
export interface Scenario {
  readonly root: string;
  readonly before: RepoState;
  readonly snapshot: WorkspaceSnapshot;
  readonly executor: ExecutorResult;
  readonly result: SolidifyResult;
}

/**
 * Execute mode end to end on a fresh fixture repository: snapshot (asserting it changes
 * nothing), run the real executor process with `action` in its prompt, solidify.
 */
export async function execute(
  action: string,
  overrides: Partial<SolidifyOptions> = {},
  executorEnv?: Record<string, string>,
): Promise<Scenario> {
  const root = makeRepo();
  const before = captureState(root);
  const snapshot = await snapshotWorkspace(root);
  expect(captureState(root)).toEqual(before);
  const executor = await runExecutor(EXECUTOR_ARGV, promptFor(action), {
    cwd: root,
    timeoutMs: 20_000,
    ...(executorEnv === undefined ? {} : { env: executorEnv }),
  });
  expect(executor.stdoutTail + executor.stderrTail).toContain(`did ${action}`);
  const result = await solidify({
    snapshot,
    gene: GENE,
    hardCaps: { maxFiles: 20, maxLines: 500 },
    validation: VALIDATION,
    canary: [],
    timeoutMs: 20_000,
    allowSelfModify: false,
    rollbackOnFailure: true,
    ...overrides,
  });
  return { root, before, snapshot, executor, result };
}

/**
 * Asserts a failed run was rolled back to exactly the state before the executor: every
 * file's bytes and mode (the user's edits, untracked and ignored files), the index bytes,
 * `git status --porcelain=v2`, `git diff`, `git diff --cached`, HEAD, branch, refs, stash
 * list and hooks. Then rolls back again to prove it idempotent, and disposes the snapshot.
 */
export async function expectRestored(
  scenario: Scenario,
  stage: SolidifyResult["stage"],
): Promise<void> {
  const { result, root, before, snapshot } = scenario;
  expect(result.ok).toBe(false);
  expect(result.stage).toBe(stage);
  expect(result.rollbackError).toBeNull();
  expect(result.rolledBack).toBe(true);
  expect(result.reasons.length).toBeGreaterThan(0);
  expect(captureState(root)).toEqual(before);
  const { rollback } = await import("../../src/solidify/mod.ts");
  expect(await rollback(snapshot)).toEqual({ restored: [], removed: [], refs: [] });
  expect(captureState(root)).toEqual(before);
  await disposeSnapshot(snapshot);
}
