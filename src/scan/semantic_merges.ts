import type { ClusterRegistry } from "../cluster/mod.ts";
import { dot, type Embedder } from "../embed/mod.ts";

/**
 * Cosine at or above which two clusters of the same kind are taken to be one
 * failure worded differently ("connection refused" / "ECONNREFUSED"). High on
 * purpose: a wrong merge hides a distinct failure, a missed one only splits a
 * count.
 */
export const SEMANTIC_MERGE_THRESHOLD = 0.92;

function dominantType(types: Readonly<Record<string, number>>): string | undefined {
  return Object.entries(types).sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** A template as words: without the `<*>` placeholders. */
function words(template: string): string {
  return template.replaceAll("<*>", " ").replace(/\s+/g, " ").trim();
}

/**
 * The embedding step of clustering (DESIGN §6.3), run when a semantic embedder
 * is configured: each cluster created in this scan is compared with the older
 * ones by the embeddings of their templates; the closest older cluster of the
 * same failure type at or above {@link SEMANTIC_MERGE_THRESHOLD} absorbs it, and
 * the merge is recorded with its similarity. Returns the merges made.
 */
export async function mergeSemantically(
  registry: ClusterRegistry,
  created: ReadonlySet<string>,
  embedder: Embedder,
  now: Date,
): Promise<{ from: string; into: string; similarity: number }[]> {
  const all = registry.list(now);
  const fresh = all.filter((c) => created.has(c.id));
  const older = all.filter((c) => !created.has(c.id));
  if (fresh.length === 0 || older.length === 0) return [];
  const vectors = await embedder.embed([...fresh, ...older].map((c) => words(c.template)));
  const merges: { from: string; into: string; similarity: number }[] = [];
  fresh.forEach((cluster, i) => {
    const mine = vectors[i] as Float32Array;
    const type = dominantType(cluster.signalTypes);
    let best: { id: string; similarity: number } | undefined;
    older.forEach((other, j) => {
      if (dominantType(other.signalTypes) !== type) return;
      const similarity = dot(mine, vectors[fresh.length + j] as Float32Array);
      if (similarity >= SEMANTIC_MERGE_THRESHOLD && similarity > (best?.similarity ?? -1)) {
        best = { id: other.id, similarity };
      }
    });
    if (!best) return;
    const into = registry.merge(
      cluster.id,
      best.id,
      `semantic similarity ${best.similarity.toFixed(3)} (${embedder.space})`,
      now,
    );
    merges.push({ from: cluster.id, into, similarity: best.similarity });
  });
  return merges;
}
