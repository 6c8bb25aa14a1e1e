/**
 * Grouping accuracy (GA), the standard log-parsing metric of the Loghub benchmark (Zhu et al.,
 * "Tools and Benchmarks for Automated Log Parsing", ICSE-SEIP 2019). Private to the benchmarks;
 * shared by the in-process and the CLI variants of the clustering benchmark.
 *
 * @module
 */

/**
 * Fraction of lines whose predicted cluster holds exactly the same set of lines as their
 * ground-truth group: GA = |{i : P(i) = T(i)}| / n, where P(i) is the set of lines sharing
 * line i's predicted label and T(i) the set sharing its true label. Labels are opaque strings
 * and are compared only for equality inside each array. Returns 1 for empty input.
 *
 * A predicted cluster is either entirely correct (all its lines carry one true label and no
 * other line carries that label) or entirely wrong, so the check runs per cluster in O(n).
 *
 * @throws {RangeError} when the two arrays differ in length.
 *
 * @example
 * ```ts
 * groupingAccuracy(["a", "a", "b"], ["x", "x", "y"]); // 1
 * groupingAccuracy(["a", "a", "a"], ["x", "x", "y"]); // 0
 * groupingAccuracy(["a", "b", "c"], ["x", "x", "y"]); // 1/3 (only the "y" line)
 * ```
 */
export function groupingAccuracy(predicted: readonly string[], truth: readonly string[]): number {
  if (predicted.length !== truth.length) {
    throw new RangeError(
      `predicted has ${predicted.length} labels but truth has ${truth.length}`,
    );
  }
  if (predicted.length === 0) return 1;
  const truthSize = countLabels(truth);
  const clusters = new Map<string, { truth: string | null; size: number }>();
  for (let i = 0; i < predicted.length; i++) {
    const label = predicted[i] as string;
    const actual = truth[i] as string;
    const cluster = clusters.get(label);
    if (cluster === undefined) clusters.set(label, { truth: actual, size: 1 });
    else {
      cluster.size++;
      if (cluster.truth !== actual) cluster.truth = null;
    }
  }
  let correct = 0;
  for (const cluster of clusters.values()) {
    if (cluster.truth !== null && truthSize.get(cluster.truth) === cluster.size) {
      correct += cluster.size;
    }
  }
  return correct / predicted.length;
}

function countLabels(labels: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return counts;
}
