import { realpath } from "node:fs/promises";
import type { WorkspaceSnapshot } from "./workspace_snapshot.ts";
import { type ChangeSet, measureChanges } from "./measure_changes.ts";
import { type BoundedDiff, unifiedDiff } from "./unified_diff.ts";
import { type BlastLimits, type BlastViolation, checkBlastRadius } from "./check_blast_radius.ts";
import { checkPaths, DEFAULT_FORBIDDEN_PATHS, type PathViolation } from "./check_paths.ts";
import { ethicsCheck, type EthicsFinding } from "./ethics_check.ts";
import { type CommandResult, runCommands } from "./run_commands.ts";
import { rollback } from "./rollback.ts";
import { _blastReasons, _commandReasons, _ethicsReasons, _pathReasons } from "./_reasons.ts";

/** The parts of a gene that solidify enforces (a `Gene` from `src/gep` fits). */
export interface SolidifyGene {
  readonly id: string;
  readonly constraints: {
    readonly max_files: number;
    readonly max_lines: number;
    readonly forbidden_paths: readonly string[];
  };
  readonly strategy: readonly string[];
}

/** Everything {@linkcode solidify} needs; nothing is read from the environment. */
export interface SolidifyOptions {
  /** Taken before the executor ran ({@linkcode snapshotWorkspace}), or a baseline. */
  readonly snapshot: WorkspaceSnapshot;
  readonly gene: SolidifyGene;
  /** Ceilings over every gene (configuration). */
  readonly hardCaps: BlastLimits;
  /** Commands (argv, no shell) that must all succeed: the gene's plus the workspace's. */
  readonly validation: readonly (readonly string[])[];
  /** Commands proving the engine and the evolved entry still load. */
  readonly canary: readonly (readonly string[])[];
  /** Per command. */
  readonly timeoutMs: number;
  /** `EVOLVE_ALLOW_SELF_MODIFY`. */
  readonly allowSelfModify: boolean;
  /** lshml's own checkout, protected unless `allowSelfModify`. */
  readonly engineRoot?: string;
  /** Critical paths; default `DEFAULT_CRITICAL_PATHS`. */
  readonly critical?: readonly string[];
  /** Forbidden on top of the gene's and `DEFAULT_FORBIDDEN_PATHS`. */
  readonly forbidden?: readonly string[];
  /** Roll back when a stage fails (a baseline snapshot cannot: reported in `rollbackError`). */
  readonly rollbackOnFailure: boolean;
  /** Environment for validation and canary commands; absent = this process's. */
  readonly env?: Readonly<Record<string, string>>;
  /** Bytes of diff kept in the result (default 64 KiB); ethics reads up to 8 MiB. */
  readonly maxDiffBytes?: number;
  /** Bytes of each command's stdout/stderr kept (default 8 KiB). */
  readonly maxOutputBytes?: number;
}

/** Where solidify stopped. `measure`: the change could not be measured (e.g. conflicts). */
export type SolidifyStage =
  | "measure"
  | "blast_radius"
  | "paths"
  | "ethics"
  | "validation"
  | "canary";

/** What solidify decided, and everything it saw on the way (for the EvolutionEvent). */
export interface SolidifyResult {
  readonly ok: boolean;
  /** The first stage that failed, null when ok. */
  readonly stage: SolidifyStage | null;
  /** One human-readable line per problem, in stage order. */
  readonly reasons: readonly string[];
  /** Null only when measuring failed. */
  readonly changes: ChangeSet | null;
  readonly diff: BoundedDiff | null;
  readonly blastRadius: readonly BlastViolation[];
  readonly paths: readonly PathViolation[];
  /** Every finding, warnings included; only `block` ones fail. */
  readonly ethics: readonly EthicsFinding[];
  /** Empty when an earlier stage failed. */
  readonly validation: readonly CommandResult[];
  readonly canary: readonly CommandResult[];
  readonly rolledBack: boolean;
  /** Why the rollback did not happen or failed, if it was due. */
  readonly rollbackError: string | null;
}

const DEFAULT_DIFF_BYTES = 64 * 1024;
const DEFAULT_OUTPUT_BYTES = 8 * 1024;
/** Ethics reads this much diff; a larger one is refused rather than half-checked. */
const ETHICS_DIFF_BYTES = 8 * 1024 * 1024;

/**
 * Decides whether the change made since `snapshot` may stay: measure (git) → blast radius
 * (gene constraints and hard caps) → protected paths (forbidden, critical, the engine, git
 * metadata) → ethics (added lines, strategy, the commands about to run) → validation →
 * canary. Blast radius and paths are always both reported; ethics is read once the size is
 * within limits; commands run only when every check before passed. On the first failure,
 * with `rollbackOnFailure`, the work tree is {@linkcode rollback}ed (the user's own work
 * survives). On success the change is left in place, uncommitted (or as the executor
 * committed it) — recording and committing are the caller's. An empty change passes;
 * `changes.totals.files === 0` tells the caller nothing happened. The snapshot folder is not
 * disposed.
 *
 * @example
 * ```ts
 * const result = await solidify({
 *   snapshot, gene, hardCaps: { maxFiles: 20, maxLines: 1000 },
 *   validation: [["deno", "task", "check"]], canary: [["deno", "check", "main.ts"]],
 *   timeoutMs: 120_000, allowSelfModify: false, rollbackOnFailure: true,
 * });
 * if (!result.ok) console.log(result.stage, result.reasons);
 * ```
 */
export async function solidify(options: SolidifyOptions): Promise<SolidifyResult> {
  const empty = {
    changes: null,
    diff: null,
    blastRadius: [],
    paths: [],
    ethics: [],
    validation: [],
    canary: [],
  };
  let changes: ChangeSet;
  try {
    changes = await measureChanges(options.snapshot);
  } catch (cause) {
    return await _fail(options, {
      ...empty,
      stage: "measure",
      reasons: [`measure: ${_message(cause)}`],
    });
  }
  const checked = await _staticChecks(options, changes);
  if (checked.stage !== null) {
    return await _fail(options, { ...empty, ...checked, stage: checked.stage });
  }
  const run = {
    cwd: options.snapshot.root,
    timeoutMs: options.timeoutMs,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_OUTPUT_BYTES,
    ...(options.env === undefined ? {} : { env: options.env }),
  };
  const validation = await runCommands(options.validation, run);
  if (!validation.every((r) => r.ok)) {
    const reasons = _commandReasons("validation", validation);
    return await _fail(options, { ...empty, ...checked, stage: "validation", reasons, validation });
  }
  const canary = await runCommands(options.canary, run);
  if (!canary.every((r) => r.ok)) {
    const reasons = _commandReasons("canary", canary);
    return await _fail(options, {
      ...empty,
      ...checked,
      stage: "canary",
      reasons,
      validation,
      canary,
    });
  }
  return {
    ...empty,
    ...checked,
    ok: true,
    stage: null,
    validation,
    canary,
    rolledBack: false,
    rollbackError: null,
  };
}

/** Blast radius, paths and ethics; the first failing stage and every reason. */
async function _staticChecks(options: SolidifyOptions, changes: ChangeSet) {
  const { gene } = options;
  const blastRadius = checkBlastRadius(
    changes,
    { maxFiles: gene.constraints.max_files, maxLines: gene.constraints.max_lines },
    options.hardCaps,
  );
  const paths = checkPaths(changes, {
    forbidden: [
      ...gene.constraints.forbidden_paths,
      ...DEFAULT_FORBIDDEN_PATHS,
      ...(options.forbidden ?? []),
    ],
    allowSelfModify: options.allowSelfModify,
    ...(options.critical === undefined ? {} : { critical: options.critical }),
    ...(options.engineRoot === undefined ? {} : { engineRoot: await realpath(options.engineRoot) }),
  });
  const diff = await unifiedDiff(changes, options.maxDiffBytes ?? DEFAULT_DIFF_BYTES);
  let ethics: EthicsFinding[] = [];
  const ethicsReasons: string[] = [];
  if (blastRadius.length === 0) {
    const full = diff.truncated ? await unifiedDiff(changes, ETHICS_DIFF_BYTES) : diff;
    if (full.truncated) {
      ethicsReasons.push(`ethics: the diff (${full.totalBytes} bytes) is too large to check`);
    }
    ethics = ethicsCheck({
      diff: full.text,
      strategy: gene.strategy,
      commands: [...options.validation, ...options.canary],
    });
    ethicsReasons.push(..._ethicsReasons(ethics));
  }
  const stage: SolidifyStage | null = blastRadius.length > 0
    ? "blast_radius"
    : paths.length > 0
    ? "paths"
    : ethicsReasons.length > 0
    ? "ethics"
    : null;
  const reasons = [..._blastReasons(blastRadius), ..._pathReasons(paths), ...ethicsReasons];
  return { stage, reasons, changes, diff, blastRadius, paths, ethics };
}

type _Failure = Omit<SolidifyResult, "ok" | "rolledBack" | "rollbackError"> & {
  stage: SolidifyStage;
};

async function _fail(options: SolidifyOptions, failure: _Failure): Promise<SolidifyResult> {
  if (!options.rollbackOnFailure) {
    return { ...failure, ok: false, rolledBack: false, rollbackError: null };
  }
  try {
    await rollback(options.snapshot);
    return { ...failure, ok: false, rolledBack: true, rollbackError: null };
  } catch (cause) {
    return { ...failure, ok: false, rolledBack: false, rollbackError: _message(cause) };
  }
}

function _message(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
