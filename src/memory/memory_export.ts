import { z } from "zod";
import { MemoryRecordSchema } from "./memory_record.ts";

/**
 * What `exportAll()` returns and `importAll()` reads: every memory's text, Q, counts and times,
 * but no vectors — they belong to one embedding space, so an import embeds `intent` again in
 * the importing store's space (another model, another fit). `space` records where the
 * memories came from, for information only.
 */
export const MemoryExportSchema = z.object({
  version: z.literal(1),
  exportedAt: z.iso.datetime({ offset: true }),
  space: z.string(),
  memories: z.array(MemoryRecordSchema),
});

/** An export of the episodic memory (see {@link MemoryExportSchema}). */
export type MemoryExport = z.infer<typeof MemoryExportSchema>;
