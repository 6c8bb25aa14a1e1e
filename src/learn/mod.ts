/**
 * The learning loop (DESIGN §6.5 steps 2 and 4): the feedback tracker that turns cycles into
 * proven and failed fixes, the knowledge base of per (cluster, gene) lessons that never decay, the
 * k-NN predictor that learns which genes fixed similar clusters, and the gene ranking and seeded
 * ε-greedy choice that combine them. Pure and runtime-neutral; the data files are versioned specs
 * for the store.
 *
 * @module
 */
export { advanceFixes, FAIL_WINDOW, PROVEN_AFTER_CLEAN, startFix } from "./feedback_tracker.ts";
export type { AdvanceResult, CycleEvidence } from "./feedback_tracker.ts";
export { ActiveFixSchema, FixOutcomeSchema } from "./fix_schemas.ts";
export type { ActiveFix, FixOutcome } from "./fix_schemas.ts";
export { NEUTRAL_PRIOR, posteriorMean, PRIOR_STRENGTH } from "./confidence.ts";
export { applyOutcome, geneStats, knowledgeEntry, recordApplied } from "./knowledge.ts";
export { GeneStatsSchema, KnowledgeEntrySchema, KnowledgeFile } from "./knowledge_file.ts";
export type { GeneStats, KnowledgeBase, KnowledgeEntry } from "./knowledge_file.ts";
export { addExample, predict, predictorExample, VOTE_PRIOR } from "./predictor.ts";
export type { ExampleInput, GenePrediction, Neighbour, PredictOptions } from "./predictor.ts";
export {
  DEFAULT_K,
  PredictorExampleSchema,
  PredictorFile,
  TrainingRecordSchema,
} from "./predictor_file.ts";
export type { Predictor, PredictorExample, TrainingRecord } from "./predictor_file.ts";
export { DEFAULT_LOO_QUERIES, looAccuracy } from "./loo_accuracy.ts";
export { MAX_HISTORY, trainPredictor } from "./train_predictor.ts";
export { reembed } from "./reembed.ts";
export {
  BASE_STRENGTH,
  DIRECT_WEIGHT,
  FAILED_HERE_FACTOR,
  INTENT_MISMATCH_FACTOR,
  NO_MATCH_FACTOR,
  rankGenes,
} from "./rank_genes.ts";
export type {
  GeneCandidate,
  Intent,
  RankCluster,
  RankedGene,
  RankGenesInput,
} from "./rank_genes.ts";
export { chooseGene, DEFAULT_EPSILON } from "./choose_gene.ts";
export type { GeneChoice } from "./choose_gene.ts";
export { createRng } from "./rng.ts";
export type { Rng } from "./rng.ts";
