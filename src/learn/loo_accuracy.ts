import { vectorOf } from "./_vector_codec.ts";
import { predict } from "./predictor.ts";
import type { Predictor } from "./predictor_file.ts";

/** Proven examples tested by default: the most recent 500 bound the cost on large sets. */
export const DEFAULT_LOO_QUERIES = 500;

/**
 * Leave-one-out accuracy of the predictor: for each proven example of the predictor's space,
 * predict its gene from the examples of the other clusters (leaving out the whole cluster, so a
 * cluster fixed twice cannot predict itself), and count it correct when the top gene is the
 * example's gene and the neighbours vote for it (probability > 0.5). Accuracy = correct / tested;
 * null when there is no proven example. Tests the most recent `maxQueries` proven examples; cost
 * O(tested · examples · dims).
 *
 * @example
 * ```ts
 * looAccuracy(predictor); // 0.8 when 4 of 5 proven fixes are predicted from the other clusters
 * ```
 */
export function looAccuracy(
  predictor: Predictor,
  options: { readonly maxQueries?: number } = {},
): number | null {
  const maxQueries = options.maxQueries ?? DEFAULT_LOO_QUERIES;
  const proven = predictor.examples.filter((e) =>
    e.outcome === "proven" && e.space === predictor.space
  );
  const tested = proven.slice(Math.max(0, proven.length - maxQueries));
  if (tested.length === 0) return null;
  let correct = 0;
  for (const example of tested) {
    const [top] = predict(predictor, vectorOf(example), { excludeCluster: example.clusterId });
    if (top !== undefined && top.geneId === example.geneId && top.probability > 0.5) correct++;
  }
  return correct / tested.length;
}
