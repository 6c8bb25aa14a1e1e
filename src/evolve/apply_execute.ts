import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config/mod.ts";
import {
  type Capsule,
  CapsulesFile,
  envFingerprint,
  type Gene,
  gepPaths,
  makeCapsule,
} from "../gep/mod.ts";
import {
  disposeSnapshot,
  rollback,
  runExecutor,
  snapshotWorkspace,
  solidify,
  type SolidifyResult,
} from "../solidify/mod.ts";
import { readVersioned, type TxOp } from "../store/mod.ts";

/** What execute mode needs for one evolution. */
export interface ExecuteInput {
  readonly home: string;
  readonly config: Config;
  readonly now: () => Date;
  readonly gene: Gene;
  /** The cluster (or behaviour group) the evolution is for. */
  readonly targetKey: string;
  readonly signals?: readonly string[];
  /** The GEP prompt, given to the executor on stdin. */
  readonly prompt: string;
  readonly eventId: string;
  /** The git work tree, already expanded (`evolve.workspace`). */
  readonly workspace?: string;
  /** lshml's own checkout: protected unless `EVOLVE_ALLOW_SELF_MODIFY=true`. */
  readonly engineRoot?: string;
}

/** What execute mode did. */
export interface ExecuteResult {
  readonly ok: boolean;
  /** Where it stopped when not ok: the executor, or a solidify stage. */
  readonly stage: "setup" | "executor" | SolidifyResult["stage"];
  readonly reasons: string[];
  readonly blastRadius: { readonly files: number; readonly lines: number };
  readonly validation: { cmd: string[]; ok: boolean; code?: number }[];
  readonly rolledBack: boolean;
  readonly diff: string;
  readonly capsule: Capsule | null;
  /** Writes for the cycle's transaction (the capsule). */
  readonly ops: TxOp[];
}

function failed(
  stage: ExecuteResult["stage"],
  reasons: string[],
  rolledBack = false,
): ExecuteResult {
  return {
    ok: false,
    stage,
    reasons,
    blastRadius: { files: 0, lines: 0 },
    validation: [],
    rolledBack,
    diff: "",
    capsule: null,
    ops: [],
  };
}

/**
 * Execute mode (DESIGN §6.5): snapshot the workspace, let the configured
 * executor act on the GEP prompt, then solidify — blast radius, protected paths,
 * ethics, validation, canary — and on any failure roll back exactly, keeping
 * the user's own uncommitted work. A success becomes a capsule.
 */
export async function applyExecute(input: ExecuteInput): Promise<ExecuteResult> {
  const { evolve } = input.config;
  const workspace = input.workspace;
  if (!evolve.executor || !workspace) {
    return failed("setup", [
      "execute mode needs evolve.executor and evolve.workspace (see lshml config evolve.executor)",
    ]);
  }
  const backupRoot = join(input.home, "memory", "snapshots");
  await mkdir(backupRoot, { recursive: true, mode: 0o700 });
  const snapshot = await snapshotWorkspace(workspace, { backupRoot, now: input.now });
  try {
    const run = await runExecutor(evolve.executor, input.prompt, {
      cwd: workspace,
      timeoutMs: evolve.timeoutMs,
    });
    if (!run.ok) {
      await rollback(snapshot);
      const why = run.error ??
        (run.timedOut ? "timed out" : `exited with ${run.code ?? run.signal}`);
      return failed("executor", [`the executor ${why}; the workspace was restored`], true);
    }
    const result = await solidify({
      snapshot,
      gene: input.gene,
      hardCaps: { maxFiles: evolve.maxFiles, maxLines: evolve.maxLines },
      validation: [...input.gene.validation, ...evolve.validate],
      canary: evolve.canary,
      timeoutMs: evolve.timeoutMs,
      allowSelfModify: evolve.allowSelfModify,
      ...(input.engineRoot ? { engineRoot: input.engineRoot } : {}),
      rollbackOnFailure: true,
    });
    return await settleSolidify(input, result);
  } finally {
    await disposeSnapshot(snapshot);
  }
}

/**
 * Turns a solidify result into the cycle's outcome: the reasons, the checks run,
 * and on success a capsule (with the transaction write that stores it).
 */
export async function settleSolidify(
  input: Pick<ExecuteInput, "home" | "now" | "gene" | "targetKey" | "signals" | "eventId">,
  result: SolidifyResult,
): Promise<ExecuteResult> {
  const totals = result.changes?.totals ?? { files: 0, lines: 0 };
  const validation = [...result.validation, ...result.canary].map((r) => ({
    cmd: [...r.cmd],
    ok: r.ok,
    ...(r.code === null ? {} : { code: r.code }),
  }));
  const diff = result.diff?.text ?? "";
  const base = {
    stage: result.stage,
    blastRadius: { files: totals.files, lines: totals.lines },
    validation,
    rolledBack: result.rolledBack,
    diff,
  };
  if (!result.ok) {
    const rolled = result.rolledBack
      ? "rolled back; your own changes are as they were"
      : `NOT rolled back: ${result.rollbackError}`;
    return { ...base, ok: false, reasons: [...result.reasons, rolled], capsule: null, ops: [] };
  }
  const capsule = makeCapsule({
    id: `cap-${input.eventId}`,
    trigger: { cluster_id: input.targetKey, signals: [...(input.signals ?? [])] },
    gene: input.gene.id,
    summary: `${input.gene.title}: ${totals.files} file(s), ${totals.lines} line(s) changed`,
    confidence: 0.5,
    blast_radius: { files: totals.files, lines: totals.lines },
    outcome: { status: "success", score: 1 },
    success_streak: 1,
    env_fingerprint: envFingerprint(),
    diff,
    created_at: input.now().toISOString(),
  });
  const path = gepPaths(input.home).capsules;
  const current = (await readVersioned(path, CapsulesFile, { now: input.now, holdingLock: true }))
    .value;
  const next = {
    ...current,
    capsules: [...current.capsules.filter((c) => c.id !== capsule.id), capsule],
  };
  return {
    ...base,
    ok: true,
    reasons: [`validated: ${validation.length} check(s) passed; change kept (not committed)`],
    capsule,
    ops: [{ kind: "write", path, content: `${JSON.stringify(next, null, 2)}\n` }],
  };
}
