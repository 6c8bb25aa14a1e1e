import { z } from "zod";
import { readEvents } from "../gep/mod.ts";
import { type DecisionInputs, replayDecision } from "./decide.ts";
import type { Intent } from "./strategy.ts";

const IntentRecord = z.object({ repair: z.number(), optimize: z.number(), innovate: z.number() });
const Ranked = z.object({
  geneId: z.string(),
  score: z.number(),
  parts: z.object({
    kb: z.number().nullable(),
    predictor: z.number().nullable(),
    match: z.number(),
    matched: z.number(),
    prior: z.number(),
  }),
  here: z.object({ applied: z.number(), proven: z.number(), failed: z.number() }),
  reasons: z.array(z.string()),
});
/** The recorded inputs of a cycle's decision (see `DecisionInputs`). */
const DecisionInputsSchema = z.object({
  strategy: z.string(),
  ratios: IntentRecord,
  available: IntentRecord,
  epsilon: z.number(),
  target: z.string().nullable(),
  ranked: z.array(Ranked),
});

/** A recorded decision next to the same decision made again. */
export interface ReplayReport {
  readonly eventId: string;
  readonly seed: number;
  readonly recorded: { readonly intent: Intent; readonly gene: string | null };
  readonly replayed: { readonly intent: Intent | null; readonly gene: string | null };
  readonly same: boolean;
}

/**
 * `lshml run --replay EVENT`: makes the decision recorded in a cycle's event
 * again from its recorded inputs and seed, and says whether it comes out the
 * same (it must: the randomness is seeded and recorded).
 *
 * @throws {RangeError} when the event does not exist or recorded no decision.
 */
export async function replayEvent(home: string, eventId: string): Promise<ReplayReport> {
  const { events } = await readEvents(home);
  const found = events.find((e) => e.event.id === eventId)?.event;
  if (!found) throw new RangeError(`no event "${eventId}" in assets/gep/events.jsonl`);
  const parsed = DecisionInputsSchema.safeParse(found.selector.inputs);
  if (!parsed.success) {
    throw new RangeError(`event ${eventId} did not record a cycle decision (a review verdict?)`);
  }
  const replayed = replayDecision(parsed.data as DecisionInputs, found.selector.seed);
  return {
    eventId,
    seed: found.selector.seed,
    recorded: { intent: found.intent, gene: found.selector.selected },
    replayed: { intent: replayed.intent, gene: replayed.gene },
    same: replayed.intent === found.intent && replayed.gene === found.selector.selected,
  };
}
