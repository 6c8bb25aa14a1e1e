import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config/mod.ts";
import {
  type EvolutionEvent,
  gepPaths,
  lastEventAssetId,
  loadGenes,
  makeEvent,
} from "../gep/mod.ts";
import { KnowledgeFile, recordApplied, startFix } from "../learn/mod.ts";
import { engineJournalPath, engineLockPath } from "../scan/mod.ts";
import { EngineStateFile, type ReviewItem } from "../state/mod.ts";
import {
  commitTransaction,
  dataFilePath,
  readVersioned,
  recoverTransaction,
  type TxOp,
  withLock,
} from "../store/mod.ts";
import { applyExecute, type ExecuteResult } from "./apply_execute.ts";
import type { Intent } from "./strategy.ts";

/** A person's verdict on a pending evolution. */
export type Verdict = "approve" | "reject";

/** What deciding a review did. */
export interface ReviewResult {
  readonly item: ReviewItem;
  readonly event: EvolutionEvent;
  readonly execute: ExecuteResult | null;
}

/** The evolutions waiting for a person. */
export async function pendingReviews(home: string, now: () => Date): Promise<ReviewItem[]> {
  const { value } = await readVersioned(dataFilePath(home, "state"), EngineStateFile, { now });
  return value.evolution.review;
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Approves or rejects a pending evolution (the same effect from `lshml review`
 * and the dashboard). Approving an advise-mode item makes its gene the
 * cluster's watched fix from this cycle on; approving an execute-mode item runs
 * the executor now, with solidify and rollback as in a cycle. Either way an
 * EvolutionEvent records the verdict.
 *
 * @throws {RangeError} when no pending item has that id.
 */
export async function decideReview(
  input: {
    readonly home: string;
    readonly id: string;
    readonly verdict: Verdict;
    readonly config: Config;
    readonly now: () => Date;
    /** Execute mode: the expanded `evolve.workspace`, and lshml's own checkout (protected). */
    readonly workspace?: string;
    readonly engineRoot?: string;
  },
): Promise<ReviewResult> {
  const { home, now } = input;
  return await withLock(engineLockPath(home), async () => {
    await recoverTransaction(engineJournalPath(home), now);
    const read = { now, holdingLock: true };
    const state = (await readVersioned(dataFilePath(home, "state"), EngineStateFile, read)).value;
    const item = state.evolution.review.find((r) => r.id === input.id);
    if (!item) {
      const known = state.evolution.review.map((r) => r.id).join(", ") || "none";
      throw new RangeError(`no pending review "${input.id}" (pending: ${known})`);
    }
    const cycle = state.evolution.cycle;
    const at = now();
    let kb = (await readVersioned(dataFilePath(home, "knowledge"), KnowledgeFile, read)).value;
    let fixes = state.evolution.fixes;
    let execute: ExecuteResult | null = null;
    const ops: TxOp[] = [];
    let status: EvolutionEvent["outcome"]["status"] = "rejected";
    if (input.verdict === "approve") {
      const clusterId = item.clusterId ?? item.id;
      if (item.mode === "execute") {
        const gene = (await loadGenes(home)).find((g) => g.id === item.geneId);
        if (!gene) throw new RangeError(`gene ${item.geneId} of ${item.id} no longer exists`);
        const prompt = await readFile(join(home, item.promptFile), "utf8");
        execute = await applyExecute({
          home,
          config: input.config,
          now,
          gene,
          targetKey: clusterId,
          prompt,
          eventId: `${item.id}-approved`,
          ...(input.workspace ? { workspace: input.workspace } : {}),
          ...(input.engineRoot ? { engineRoot: input.engineRoot } : {}),
        });
        ops.push(...execute.ops);
      }
      if (!execute || execute.ok) {
        fixes = [...fixes, startFix({ clusterId, geneId: item.geneId, eventId: item.id, cycle })];
        kb = recordApplied(kb, { clusterId, geneId: item.geneId, cycle }, at);
        status = execute ? "validated" : "applied";
      } else {
        status = "rolled_back";
      }
    }
    const event = makeEvent({
      id: `${item.id}-${input.verdict === "approve" ? "approved" : "rejected"}`,
      parent: await lastEventAssetId(home),
      cycle,
      created_at: at.toISOString(),
      intent: item.intent as Intent,
      mode: item.mode,
      cluster_id: item.clusterId,
      signals: [],
      genes_used: [item.geneId],
      selector: {
        selected: item.geneId,
        reasons: [
          `${
            input.verdict === "approve" ? "approved" : "rejected"
          } by a person (review ${item.id})`,
        ],
        alternatives: [],
        seed: 0,
        inputs: { review: item.id },
      },
      blast_radius: execute?.blastRadius ?? { files: 0, lines: 0 },
      outcome: { status, score: 0, ...(execute ? { reasons: execute.reasons } : {}) },
      capsule_id: execute?.capsule?.id ?? null,
      validation: execute?.validation ?? [],
    });
    const next = {
      ...state,
      evolution: {
        ...state.evolution,
        fixes,
        review: state.evolution.review.filter((r) => r.id !== item.id),
      },
    };
    ops.push(
      { kind: "write", path: dataFilePath(home, "knowledge"), content: pretty(kb) },
      { kind: "append", path: gepPaths(home).events, records: [event] },
      { kind: "write", path: dataFilePath(home, "state"), content: pretty(next) },
    );
    await commitTransaction(engineJournalPath(home), ops);
    return { item, event, execute };
  }, { timeoutMs: 60_000, purpose: `review ${input.id}` });
}
