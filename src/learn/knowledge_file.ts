import { z } from "zod";
import { defineVersionedFile } from "../store/mod.ts";

const count = z.number().int().nonnegative();
const probability = z.number().min(0).max(1);

/**
 * What lshml learned about one gene on one cluster. `confidence` is the posterior mean
 * (proven + 1) / (proven + failed + 2) (see `posteriorMean`); `outcomeIds` are the outcomes
 * already counted, so applying one twice changes nothing and a reversal knows what it reverses.
 */
export const KnowledgeEntrySchema = z.object({
  clusterId: z.string().min(1),
  geneId: z.string().min(1),
  /** Times the gene was applied to the cluster. */
  applied: count,
  proven: count,
  failed: count,
  confidence: probability,
  lastOutcome: z.enum(["proven", "failed"]).nullable(),
  /** The last cycle anything happened (applied or decided). */
  lastCycle: count,
  /** ISO 8601 times: first record, last change. Shown to people; never used to discount. */
  firstSeen: z.string(),
  updatedAt: z.string(),
  outcomeIds: z.array(z.string()),
});

/** See {@link KnowledgeEntrySchema}. */
export type KnowledgeEntry = z.infer<typeof KnowledgeEntrySchema>;

/**
 * One gene across every cluster: the cold-start prior for clusters it was never tried on.
 * `confidence` = (proven + 1) / (proven + failed + 2).
 */
export const GeneStatsSchema = z.object({
  geneId: z.string().min(1),
  applied: count,
  proven: count,
  failed: count,
  confidence: probability,
  /** Clusters with an entry for this gene. */
  clusters: count,
  updatedAt: z.string(),
});

/** See {@link GeneStatsSchema}. */
export type GeneStats = z.infer<typeof GeneStatsSchema>;

const KnowledgeDocument = z.object({
  version: z.literal(1),
  /** clusterId → geneId → entry. */
  entries: z.record(z.string(), z.record(z.string(), KnowledgeEntrySchema)),
  /** geneId → aggregate over clusters. */
  genes: z.record(z.string(), GeneStatsSchema),
});

/** The content of `memory/knowledge.json`. */
export type KnowledgeBase = z.infer<typeof KnowledgeDocument>;

/**
 * `memory/knowledge.json`: per (cluster, gene) outcomes and confidence, plus per-gene
 * aggregates. Lessons compound forever: nothing in it decays or expires.
 *
 * @example
 * ```ts
 * const { value: kb } = await readVersioned(dataFilePath(home, "knowledge"), KnowledgeFile);
 * ```
 */
export const KnowledgeFile = defineVersionedFile({
  name: "knowledge base",
  version: 1,
  schema: KnowledgeDocument,
  empty: (): KnowledgeBase => ({ version: 1, entries: {}, genes: {} }),
});
