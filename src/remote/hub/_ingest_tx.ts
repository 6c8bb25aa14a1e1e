/**
 * The inside of one ingest transaction (private to the hub): catch the index up under the
 * ingest lock, then for each checked triplet merge, refuse or store it.
 */
import { dot } from "../../embed/mod.ts";
import type { IngestResult } from "../wire.ts";
import type { CheckedTriplet } from "./_ingest_plan.ts";
import type { HubIndex } from "./hub_index.ts";
import { newMemoryId } from "./hub_keys.ts";
import type { HubLimits } from "./hub_limits.ts";
import type { HubWrite, NewMemory } from "./hub_store.ts";

/** What the transaction works with. */
export interface IngestTxDeps {
  readonly index: HubIndex;
  readonly limits: HubLimits;
  readonly now: () => number;
  readonly random: ((n: number) => Uint8Array) | undefined;
}

/** What it did: a result per checked position, the rows it inserted, its version. */
export interface IngestTxResult {
  readonly results: Map<number, IngestResult>;
  readonly fresh: readonly NewMemory[];
  readonly version: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A near-duplicate among the memories this same ingest is about to store. */
function nearestFresh(fresh: readonly NewMemory[], space: string, vector: Float32Array, t: number) {
  let best: { id: string; similarity: number } | undefined;
  for (const m of fresh) {
    if (m.space !== space || m.dims !== vector.length) continue;
    const similarity = dot(m.embedding, vector);
    if (similarity >= t && (!best || similarity > best.similarity)) best = { id: m.id, similarity };
  }
  return best;
}

/**
 * Runs inside `store.ingest`. Every committed memory of every process is in the index once the
 * catch-up returns (the transaction holds the ingest lock), so the near-duplicate check (same
 * space, cosine ≥ `duplicateSimilarity`, including earlier triplets of this request) and the
 * quotas are exact. A stored memory starts at Q = clamp(w·q), w = `reportedQWeight`.
 */
export async function ingestInTransaction(
  deps: IngestTxDeps,
  work: { keyId: string; checked: readonly CheckedTriplet[]; tx: HubWrite },
): Promise<IngestTxResult> {
  const { index, limits } = deps;
  const { keyId, checked, tx } = work;
  index.catchUp(await tx.rowsSince(index.version), tx.version - 1);
  let own = await tx.memoriesOf(keyId);
  let total = await tx.totalMemories();
  const fresh: NewMemory[] = [];
  const results = new Map<number, IngestResult>();
  const newSpaces = new Map<string, number>(); // space → dims, for spaces this request creates
  for (const { at, triplet, vector } of checked) {
    const space = index.space(triplet.space);
    const dims = space?.dims ?? newSpaces.get(triplet.space);
    if (dims !== undefined && dims !== vector.length) {
      const reason = `space ${triplet.space} has ${dims} dimensions, not ${vector.length}`;
      results.set(at, { status: "rejected", reason });
      continue;
    }
    const twin = space?.nearest(vector, limits.duplicateSimilarity) ??
      nearestFresh(fresh, triplet.space, vector, limits.duplicateSimilarity);
    if (twin) {
      await tx.merge(twin.id, keyId);
      results.set(at, { status: "merged", id: twin.id, similarity: round3(twin.similarity) });
      continue;
    }
    const reason = dims === undefined && index.spaceCount + newSpaces.size >= limits.maxSpaces
      ? `the hub holds its maximum of ${limits.maxSpaces} embedding spaces`
      : own >= limits.quotaPerKey
      ? `quota exceeded: ${limits.quotaPerKey} memories per key`
      : total >= limits.maxMemories
      ? `the hub is full (${limits.maxMemories} memories)`
      : undefined;
    if (reason) {
      results.set(at, { status: "rejected", reason });
      continue;
    }
    const id = newMemoryId(deps.random);
    if (!space) newSpaces.set(triplet.space, vector.length);
    fresh.push({
      id,
      space: triplet.space,
      dims: vector.length,
      intent: triplet.intent ?? "",
      experience: triplet.experience,
      embedding: vector,
      q: Math.max(-1, Math.min(1, triplet.q * limits.reportedQWeight)),
      contributor: keyId,
      createdMs: deps.now(),
    });
    own++;
    total++;
    results.set(at, { status: "stored", id });
  }
  await tx.insert(fresh);
  return { results, fresh, version: tx.version };
}
