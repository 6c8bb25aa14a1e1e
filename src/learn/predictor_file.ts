import { z } from "zod";
import { defineVersionedFile } from "../store/mod.ts";

/**
 * One training example of the k-NN predictor: a fix outcome with the cluster it happened on.
 * `text` is the cluster's representative template, so the vector can be rebuilt in another
 * embedding space; `vector` is base64 of a unit-length little-endian Float32Array of `space`.
 */
export const PredictorExampleSchema = z.object({
  /** The fix's EvolutionEvent id: one example per fix (a reversal replaces the proof). */
  id: z.string().min(1),
  clusterId: z.string().min(1),
  text: z.string(),
  space: z.string().min(1),
  vector: z.string(),
  geneId: z.string().min(1),
  outcome: z.enum(["proven", "failed"]),
  cycle: z.number().int().nonnegative(),
});

/** See {@link PredictorExampleSchema}. */
export type PredictorExample = z.infer<typeof PredictorExampleSchema>;

/** One training run, for the dashboard's learning curve. */
export const TrainingRecordSchema = z.object({
  /** Examples in the predictor's space after the run. */
  examples: z.number().int().nonnegative(),
  /** Leave-one-out accuracy (see `looAccuracy`); null with no proven example to test. */
  looAccuracy: z.number().min(0).max(1).nullable(),
  cycle: z.number().int().nonnegative(),
  /** ISO 8601 time of the run. */
  at: z.string(),
});

/** See {@link TrainingRecordSchema}. */
export type TrainingRecord = z.infer<typeof TrainingRecordSchema>;

const PredictorDocument = z.object({
  version: z.literal(1),
  /** The embedding space predictions use; null until the first example. */
  space: z.string().nullable(),
  params: z.object({
    /** Neighbours that vote. */
    k: z.number().int().positive(),
  }),
  examples: z.array(PredictorExampleSchema),
  history: z.array(TrainingRecordSchema),
});

/** The content of `memory/predictor.json`. */
export type Predictor = z.infer<typeof PredictorDocument>;

/**
 * Default k = 5, the seed's value. In scripts/bench/learning.ts (16 seeds) k = 3…20 move the
 * proven share after 20 cycles by at most ±0.03 around k = 5, while k = 1 is worse (a single
 * nearest failure hides the fix).
 */
export const DEFAULT_K = 5;

/**
 * `memory/predictor.json`: the k-NN predictor's training set, parameters and training history.
 * Written compactly: it holds a vector per example.
 */
export const PredictorFile = defineVersionedFile({
  name: "predictor",
  version: 1,
  schema: PredictorDocument,
  pretty: false,
  empty: (): Predictor => ({
    version: 1,
    space: null,
    params: { k: DEFAULT_K },
    examples: [],
    history: [],
  }),
});
