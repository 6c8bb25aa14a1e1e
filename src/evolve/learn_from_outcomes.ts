import type { Embedder } from "../embed/mod.ts";
import {
  applyOutcome,
  type FixOutcome,
  type KnowledgeBase,
  type Predictor,
  predictorExample,
  reembed,
  trainPredictor,
} from "../learn/mod.ts";

/**
 * Learns from this cycle's outcomes (DESIGN §6.5 step 2): each proven or failed
 * fix moves the knowledge base's confidence for its (cluster, gene) and becomes
 * a training example of the k-NN predictor, embedded from the cluster's text.
 * The predictor is re-embedded first if the embedding space changed.
 */
export async function learnFromOutcomes(
  input: {
    readonly kb: KnowledgeBase;
    readonly predictor: Predictor;
    readonly outcomes: readonly FixOutcome[];
    /** The text of each outcome's cluster (template or behaviour excerpt). */
    readonly textOf: (clusterId: string) => string;
    readonly embedder: Embedder;
    readonly cycle: number;
    readonly now: Date;
  },
): Promise<{ kb: KnowledgeBase; predictor: Predictor }> {
  let kb = input.kb;
  for (const outcome of input.outcomes) kb = applyOutcome(kb, outcome, input.now);
  let predictor = input.predictor;
  if (predictor.space !== undefined && predictor.space !== input.embedder.space) {
    predictor = await reembed(predictor, input.embedder);
  }
  if (input.outcomes.length === 0) return { kb, predictor };
  const texts = input.outcomes.map((o) => input.textOf(o.clusterId));
  const vectors = await input.embedder.embed(texts);
  const examples = input.outcomes.map((outcome, i) =>
    predictorExample({
      id: outcome.eventId,
      clusterId: outcome.clusterId,
      text: texts[i] as string,
      space: input.embedder.space,
      vector: vectors[i] as Float32Array,
      geneId: outcome.geneId,
      outcome: outcome.status,
      cycle: input.cycle,
    })
  );
  predictor = trainPredictor(predictor, examples, { cycle: input.cycle, now: input.now });
  return { kb, predictor };
}
