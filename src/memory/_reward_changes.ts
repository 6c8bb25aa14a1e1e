import type { Entry } from "./_entry.ts";
import type { Patch } from "./_op_log.ts";
import { clampReward, qUpdate } from "./q_update.ts";

/** The patches one reward makes, and what they change, for `updateQ`. */
export interface RewardChanges {
  readonly changes: Patch[];
  readonly updated: { id: string; before: number; after: number }[];
  readonly missing: string[];
}

/**
 * For each distinct id: Q ← Q + α(r − Q) with r clamped to [−1, 1], visits + 1, success or
 * failure + 1 when r > 0 or r < 0, lastReward = r, lastUsedAt = updatedAt = now. Ids no longer
 * stored are reported as missing.
 */
export function rewardChanges(
  entries: ReadonlyMap<string, Entry>,
  ids: readonly string[],
  reward: number,
  options: { readonly alpha: number; readonly now: number },
): RewardChanges {
  const r = clampReward(reward);
  const { alpha, now } = options;
  const result: RewardChanges = { changes: [], updated: [], missing: [] };
  for (const id of new Set(ids)) {
    const e = entries.get(id);
    if (e === undefined) {
      result.missing.push(id);
      continue;
    }
    const q = qUpdate(e.q, r, alpha);
    result.updated.push({ id, before: e.q, after: q });
    result.changes.push({
      id,
      q,
      visits: e.visits + 1,
      successCount: e.successCount + (r > 0 ? 1 : 0),
      failureCount: e.failureCount + (r < 0 ? 1 : 0),
      lastReward: r,
      lastUsedAt: now,
      updatedAt: now,
    });
  }
  return result;
}

/**
 * The patches of `markSelected`: for each distinct stored id, selectedCount + 1 and
 * lastUsedAt = updatedAt = now. Ids no longer stored are reported as missing.
 */
export function selectionChanges(
  entries: ReadonlyMap<string, Entry>,
  ids: readonly string[],
  now: number,
): { readonly changes: Patch[]; readonly missing: string[] } {
  const unique = [...new Set(ids)];
  const changes: Patch[] = unique.flatMap((id) => {
    const e = entries.get(id);
    return e ? [{ id, selectedCount: e.selectedCount + 1, lastUsedAt: now, updatedAt: now }] : [];
  });
  return { changes, missing: unique.filter((id) => !entries.has(id)) };
}
