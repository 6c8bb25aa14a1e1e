import { renderMemoryBlock } from "../agent/mod.ts";
import type { Config } from "../config/mod.ts";
import { createRng } from "../learn/mod.ts";
import type { EpisodicMemory, MemoryRecord } from "../memory/mod.ts";

/** A memory phase A found for the query, in phase-B order. */
export interface PreviewHit {
  readonly memory: MemoryRecord;
  /** Cosine similarity of its intent to the query. */
  readonly similarity: number;
  /** Phase B's score (1 − λ)·z(sim) + λ·z(Q). */
  readonly score: number;
  /** Whether phase B picked it for injection. */
  readonly selected: boolean;
}

/** What a prompt would recall and what the plugin would inject for it. */
export interface RecallPreview {
  readonly query: string;
  /** The embedding space searched. */
  readonly space: string;
  readonly hits: readonly PreviewHit[];
  /** The `<lshml-memories>` block the plugin would prepend, or null. */
  readonly block: string | null;
  /** Why there is or is not a block. */
  readonly reason: "no-candidates" | "below-tau" | "injected";
  readonly bestSimilarity: number | null;
}

/**
 * What the agent would recall for `query` — the plugin's own phase A (δ, up to `limit`
 * candidates) and phase B (k2, λ, τ) over this home's memory, after catching up with other
 * processes' writes — and the exact block it would inject. ε is 0 here: the greedy pick, so a
 * preview does not change from one look to the next (the agent explores with ε). Used by
 * `lshml memory search` and the dashboard's memories page.
 *
 * @example
 * ```ts
 * const preview = await previewRecall(memory, "deploy to staging", config.retrieval, 10);
 * preview.block; // "<lshml-memories>\n…" or null (reason "below-tau")
 * ```
 */
export async function previewRecall(
  memory: EpisodicMemory,
  query: string,
  options: { readonly retrieval: Config["retrieval"]; readonly limit: number },
): Promise<RecallPreview> {
  const { retrieval } = options;
  const found = await memory.search(query, { delta: retrieval.delta, k1: options.limit });
  const ranked = memory.rank(found.candidates, {
    k2: retrieval.k2,
    lambda: retrieval.lambda,
    epsilon: 0,
    tau: retrieval.tau,
    rng: createRng(0),
  });
  const picked = new Set(ranked.injected ? ranked.selected.map((s) => s.candidate.id) : []);
  const hits = ranked.ranked.map((r): PreviewHit => ({
    memory: r.candidate.memory,
    similarity: r.candidate.similarity,
    score: r.score,
    selected: picked.has(r.candidate.id),
  }));
  const shown = hits.filter((h) => h.selected).map((h) => ({
    id: h.memory.id,
    similarity: h.similarity,
    q: h.memory.q,
    experience: h.memory.experience,
    ...(h.memory.origin === "remote" ? { origin: "remote" as const } : {}),
  }));
  return {
    query,
    space: found.space,
    hits,
    block: shown.length > 0 ? renderMemoryBlock({ memories: shown, fixes: [] }) ?? null : null,
    reason: ranked.reason,
    bestSimilarity: ranked.bestSimilarity,
  };
}
