import { z } from "zod";

/** Where a memory came from: written on this machine, or fetched from a hub (untrusted text). */
export const MemoryOriginSchema = z.enum(["local", "remote"]);

/** Where a memory came from. */
export type MemoryOrigin = z.infer<typeof MemoryOriginSchema>;

const count = z.number().int().nonnegative();
const isoTime = z.iso.datetime({ offset: true });

/**
 * One episodic memory as the API returns it and `exportAll()` writes it: the MemRL triplet
 * (intent, experience, learned utility Q) plus its usage counts. The vector is not part of the
 * record: it lives in the store's binary sidecar, tagged with `space`, and an import re-creates
 * it from `intent` in the importing store's space.
 *
 * - `q` ∈ [−1, 1]: the learned utility, moved by Q ← Q + α(r − Q) (see `qUpdate`).
 * - `visits`: rewards received; `successCount` / `failureCount`: those with r > 0 / r < 0.
 * - `selectedCount`: times phase B picked it for a prompt (`markSelected`).
 * - `lastReward`: the last r applied (clamped to [−1, 1]), `null` before the first.
 * - times are ISO 8601; `lastUsedAt` is the last selection or reward, absent before either.
 */
export const MemoryRecordSchema = z.object({
  id: z.string().min(1).max(200),
  intent: z.string(),
  experience: z.string(),
  space: z.string().min(1),
  q: z.number().min(-1).max(1),
  visits: count,
  selectedCount: count,
  successCount: count,
  failureCount: count,
  lastReward: z.number().min(-1).max(1).nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  lastUsedAt: isoTime.optional(),
  origin: MemoryOriginSchema,
});

/** One episodic memory (see {@link MemoryRecordSchema}). */
export type MemoryRecord = z.infer<typeof MemoryRecordSchema>;
