import { looAccuracy } from "./loo_accuracy.ts";
import { addExample } from "./predictor.ts";
import type { Predictor, PredictorExample } from "./predictor_file.ts";

/** Training records kept; beyond it the older half is thinned to every second record. */
export const MAX_HISTORY = 1_000;

/**
 * One training step (pure): adds the examples (see `addExample`) and appends a record of the
 * example count and the leave-one-out accuracy (see `looAccuracy`) for the dashboard's curve.
 * The history keeps its shape when long: past {@link MAX_HISTORY} records, every second record
 * of the older half is dropped.
 *
 * @example
 * ```ts
 * predictor = trainPredictor(predictor, [example], { cycle: 12, now: new Date() });
 * predictor.history.at(-1); // { examples: 1, looAccuracy: null, cycle: 12, at: "…" }
 * ```
 */
export function trainPredictor(
  predictor: Predictor,
  examples: readonly PredictorExample[],
  options: { readonly cycle: number; readonly now: Date; readonly maxLooQueries?: number },
): Predictor {
  let next = predictor;
  for (const example of examples) next = addExample(next, example);
  const record = {
    examples: next.examples.filter((e) => e.space === next.space).length,
    looAccuracy: looAccuracy(
      next,
      options.maxLooQueries === undefined ? {} : { maxQueries: options.maxLooQueries },
    ),
    cycle: options.cycle,
    at: options.now.toISOString(),
  };
  return { ...next, history: _thin([...next.history, record]) };
}

function _thin<T>(history: T[]): T[] {
  if (history.length <= MAX_HISTORY) return history;
  const half = Math.floor(history.length / 2);
  return [...history.slice(0, half).filter((_, i) => i % 2 === 0), ...history.slice(half)];
}
