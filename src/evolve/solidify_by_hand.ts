import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config/mod.ts";
import { type Gene, gepPaths, lastEventAssetId, loadGenes, makeEvent } from "../gep/mod.ts";
import { engineJournalPath, engineLockPath } from "../scan/mod.ts";
import {
  baselineSnapshot,
  disposeSnapshot,
  solidify,
  type SolidifyResult,
} from "../solidify/mod.ts";
import { EngineStateFile } from "../state/mod.ts";
import { commitTransaction, dataFilePath, readVersioned, withLock } from "../store/mod.ts";
import { type ExecuteResult, settleSolidify } from "./apply_execute.ts";

/** What `lshml solidify` checks, and against what. */
export interface SolidifyByHandInput {
  readonly home: string;
  readonly config: Config;
  readonly now: () => Date;
  /** The git work tree the agent changed. */
  readonly workspace: string;
  /** The gene whose constraints apply; default: the gene of the newest watched fix. */
  readonly geneId?: string;
  /** The commit to measure from (default HEAD). */
  readonly since?: string;
  /** Record a capsule and an event when it passes. */
  readonly record: boolean;
  readonly engineRoot?: string;
}

/** What the hand-run solidify found. */
export interface SolidifyByHandResult {
  readonly gene: Gene;
  readonly result: SolidifyResult;
  readonly recorded: ExecuteResult | null;
  readonly eventId: string | null;
}

async function chooseGene(input: SolidifyByHandInput): Promise<Gene> {
  const genes = await loadGenes(input.home);
  let id = input.geneId;
  if (!id) {
    const { value } = await readVersioned(dataFilePath(input.home, "state"), EngineStateFile, {
      now: input.now,
    });
    id = value.evolution.fixes.at(-1)?.geneId;
  }
  if (!id) throw new RangeError("no gene given and no watched fix: pass --gene ID");
  const gene = genes.find((g) => g.id === id);
  if (!gene) throw new RangeError(`no gene "${id}" (lshml events lists the genes used)`);
  return gene;
}

/**
 * `lshml solidify` run by hand after an external agent acted on a GEP prompt:
 * measures everything since `since` (the agent's changes and any of the user's
 * own — they cannot be told apart without a snapshot taken before) against the
 * gene's constraints and the hard caps, the protected paths and the ethics
 * rules, then runs the checks. It never rolls back (it cannot know what was
 * the user's); with `record`, a pass becomes a capsule and an event.
 */
export async function solidifyByHand(input: SolidifyByHandInput): Promise<SolidifyByHandResult> {
  const gene = await chooseGene(input);
  const { evolve } = input.config;
  const backupRoot = join(input.home, "memory", "snapshots");
  await mkdir(backupRoot, { recursive: true, mode: 0o700 });
  const snapshot = await baselineSnapshot(input.workspace, {
    backupRoot,
    now: input.now,
    ...(input.since ? { rev: input.since } : {}),
  });
  try {
    const result = await solidify({
      snapshot,
      gene,
      hardCaps: { maxFiles: evolve.maxFiles, maxLines: evolve.maxLines },
      validation: [...gene.validation, ...evolve.validate],
      canary: evolve.canary,
      timeoutMs: evolve.timeoutMs,
      allowSelfModify: evolve.allowSelfModify,
      ...(input.engineRoot ? { engineRoot: input.engineRoot } : {}),
      rollbackOnFailure: false,
    });
    if (!result.ok || !input.record) return { gene, result, recorded: null, eventId: null };
    return await record(input, gene, result);
  } finally {
    await disposeSnapshot(snapshot);
  }
}

async function record(
  input: SolidifyByHandInput,
  gene: Gene,
  result: SolidifyResult,
): Promise<SolidifyByHandResult> {
  const { home, now } = input;
  return await withLock(engineLockPath(home), async () => {
    const state = (await readVersioned(dataFilePath(home, "state"), EngineStateFile, {
      now,
      holdingLock: true,
    })).value;
    const fix = state.evolution.fixes.findLast((f) => f.geneId === gene.id);
    const eventId = `ev-hand-${now().getTime().toString(36)}`;
    const settled = await settleSolidify({
      home,
      now,
      gene,
      targetKey: fix?.clusterId ?? "manual",
      eventId,
    }, result);
    const event = makeEvent({
      id: eventId,
      parent: await lastEventAssetId(home),
      cycle: state.evolution.cycle,
      created_at: now().toISOString(),
      intent: gene.category,
      mode: "execute",
      cluster_id: fix?.clusterId ?? null,
      signals: [],
      genes_used: [gene.id],
      selector: {
        selected: gene.id,
        reasons: ["solidified by hand after an external agent acted"],
        alternatives: [],
        seed: 0,
        inputs: { since: input.since ?? "HEAD" },
      },
      blast_radius: settled.blastRadius,
      outcome: { status: "validated", score: 1, reasons: settled.reasons },
      capsule_id: settled.capsule?.id ?? null,
      validation: settled.validation,
    });
    await commitTransaction(engineJournalPath(home), [
      ...settled.ops,
      { kind: "append", path: gepPaths(home).events, records: [event] },
    ]);
    return { gene, result, recorded: settled, eventId };
  }, { timeoutMs: 60_000, purpose: "solidify" });
}
