import type { Embedder } from "../embed/mod.ts";
import type { Gene } from "../gep/mod.ts";
import {
  chooseGene,
  createRng,
  type GeneChoice,
  type KnowledgeBase,
  type Predictor,
  type RankedGene,
  rankGenes,
} from "../learn/mod.ts";
import {
  chooseIntent,
  type FixedStrategy,
  type Intent,
  type IntentChoice,
  type ResolvedStrategy,
  STRATEGY_RATIOS,
} from "./strategy.ts";
import { countByIntent, type Target } from "./targets.ts";

/**
 * What a decision was made from: enough to make it again (`lshml run --replay`).
 * Only plain numbers and strings, so it hashes canonically into the event.
 */
export interface DecisionInputs {
  readonly strategy: FixedStrategy;
  readonly ratios: Readonly<Record<Intent, number>>;
  readonly available: Readonly<Record<Intent, number>>;
  readonly epsilon: number;
  readonly target: string | null;
  readonly ranked: readonly RankedGene[];
}

/** A cycle's decision. */
export interface Decision {
  readonly strategy: ResolvedStrategy;
  readonly seed: number;
  readonly intent: IntentChoice;
  readonly target: Target | null;
  readonly ranked: readonly RankedGene[];
  readonly choice: GeneChoice | null;
  readonly gene: Gene | null;
  readonly inputs: DecisionInputs;
}

/** What {@link decide} works from. */
export interface DecideInput {
  readonly strategy: ResolvedStrategy;
  readonly targets: readonly Target[];
  readonly genes: readonly Gene[];
  readonly kb: KnowledgeBase;
  readonly predictor: Predictor;
  readonly embedder: Embedder;
  readonly seed: number;
  readonly epsilon: number;
}

/** Most candidates recorded with a decision (the rest scored lower still). */
const RECORDED_CANDIDATES = 25;

/**
 * Decides a cycle (DESIGN §6.5 steps 3–4): draws the intent by the strategy's
 * ratios, takes the most pressing target of that intent, ranks the genes for
 * it (knowledge base + k-NN predictor + signals_match, cold start from priors)
 * and picks one ε-greedily. All randomness comes from one seeded generator, in
 * a fixed order (intent draw, then the gene draws), so {@link replayDecision}
 * reproduces it from the recorded inputs and seed.
 */
export async function decide(input: DecideInput): Promise<Decision> {
  const rng = createRng(input.seed);
  const ratios = STRATEGY_RATIOS[input.strategy.strategy];
  const available = countByIntent(input.targets);
  const intent = chooseIntent(ratios, available, rng);
  const target = intent.intent === null
    ? null
    : input.targets.find((t) => t.intent === intent.intent) ?? null;
  let ranked: RankedGene[] = [];
  if (target && intent.intent) {
    const [vector] = await input.embedder.embed([target.text]);
    ranked = rankGenes({
      cluster: {
        id: target.key,
        template: target.text,
        signalTypes: target.signalTypes,
        ...(vector ? { vector, space: input.embedder.space } : {}),
      },
      genes: input.genes,
      intent: intent.intent,
      kb: input.kb,
      predictor: input.predictor,
    }).slice(0, RECORDED_CANDIDATES);
  }
  const choice = ranked.length > 0 ? chooseGene(ranked, rng, { epsilon: input.epsilon }) : null;
  const gene = choice ? input.genes.find((g) => g.id === choice.gene.geneId) ?? null : null;
  return {
    strategy: input.strategy,
    seed: input.seed,
    intent,
    target,
    ranked,
    choice,
    gene,
    inputs: {
      strategy: input.strategy.strategy,
      ratios,
      available,
      epsilon: input.epsilon,
      target: target?.key ?? null,
      ranked,
    },
  };
}

/** What a replay found. */
export interface Replay {
  readonly intent: Intent | null;
  readonly gene: string | null;
  readonly explored: boolean;
}

/**
 * Makes a recorded decision again from its inputs and seed: the intent draw and
 * the gene choice, with the same generator in the same order.
 */
export function replayDecision(inputs: DecisionInputs, seed: number): Replay {
  const rng = createRng(seed);
  const intent = chooseIntent(inputs.ratios, inputs.available, rng);
  if (inputs.ranked.length === 0) return { intent: intent.intent, gene: null, explored: false };
  const choice = chooseGene(inputs.ranked, rng, { epsilon: inputs.epsilon });
  return { intent: intent.intent, gene: choice.gene.geneId, explored: choice.explored };
}
