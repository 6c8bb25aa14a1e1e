/**
 * The MemRL episodic memory (Zhang et al. 2026, arXiv 2601.03192; DESIGN §6.6): memories of
 * (intent, experience) whose utility Q is learned from feedback; phase A recall by similarity,
 * phase B ranking by z-scored similarity and Q with ε-greedy exploration; near-duplicate
 * merging and value-based retention with a fresh quota; one log line per learning step,
 * safe for several processes and for crashes. Runtime-neutral: Web APIs and `node:` only.
 *
 * @module
 */
export { EpisodicMemory } from "./episodic_memory.ts";
export type {
  AddInput,
  AddResult,
  EpisodicMemoryOptions,
  ImportResult,
  ListSort,
  MaintenanceResult,
  Progress,
  RecallCandidate,
  RecallOptions,
  RecallResult,
  UpdateQResult,
} from "./episodic_memory_types.ts";
export { DEFAULT_MEMORY_CONFIG, memoryConfigOf, resolveMemoryConfig } from "./memory_config.ts";
export type { MemoryConfig, MemorySettings } from "./memory_config.ts";
export { MemoryOriginSchema, MemoryRecordSchema } from "./memory_record.ts";
export type { MemoryOrigin, MemoryRecord } from "./memory_record.ts";
export { MemoryExportSchema } from "./memory_export.ts";
export type { MemoryExport } from "./memory_export.ts";
export { Q_HISTOGRAM_BINS, qHistogram } from "./memory_stats.ts";
export type { MemoryStats, QBin } from "./memory_stats.ts";
export { rank } from "./rank.ts";
export type {
  PickedCandidate,
  RankedCandidate,
  RankInput,
  RankOptions,
  RankResult,
} from "./rank.ts";
export { zScores } from "./z_scores.ts";
export { clampReward, qUpdate } from "./q_update.ts";
export {
  RECENCY_HALF_LIFE_MS,
  RETENTION_WEIGHTS,
  retentionValue,
  USE_SATURATION,
} from "./retention.ts";
export type { RetentionInput } from "./retention.ts";
export { freshQuotaSize, isFresh, isProtected, selectEvictions } from "./select_evictions.ts";
export type { EvictionCandidate, EvictionOptions } from "./select_evictions.ts";
export { mergeDuplicate } from "./merge_duplicate.ts";
export type { MergedFields, MergeSide } from "./merge_duplicate.ts";
export { SUPPORT_PRIOR_C, supportPrior } from "./support_prior.ts";
