import { dot, normalizeInPlace } from "../../embed/mod.ts";
import { SearchResponseSchema, WIRE_LIMITS, type WireHit, WireHitSchema } from "../wire.ts";
import { cleanUntrustedText, type UntrustedFlag } from "./untrusted_text.ts";

/**
 * A memory from the hub, ready to be merged with local candidates before phase B. Its text is
 * untrusted: cleaned (see `cleanUntrustedText`) but not escaped — escape it and mark it as
 * remote when injecting. Its similarity is recomputed here from its vector, never taken from
 * the hub.
 */
export interface RemoteMemory {
  readonly source: "remote";
  readonly untrusted: true;
  /** The hub's memory id (`m_…`): what feedback names. */
  readonly id: string;
  readonly space: string;
  readonly intent: string;
  readonly experience: string;
  /** Unit vector in `space`. */
  readonly embedding: Float32Array;
  /** Cosine similarity to the query, computed locally. */
  readonly similarity: number;
  /** The hub's shared Q, clamped to [−1, 1]. */
  readonly q: number;
  readonly uses: number;
  /** The contributor's public request key id. */
  readonly contributor: string;
  /** What cleaning found or did, for the intent and the experience together. */
  readonly flags: readonly UntrustedFlag[];
}

/** How to judge a search answer. */
export interface ParseHitsOptions {
  /** The query as sent (any length; it is normalised here). */
  readonly query: ArrayLike<number>;
  readonly space: string;
  readonly k: number;
  readonly minSimilarity: number;
  /** Longest experience kept, in characters. */
  readonly maxTextChars: number;
}

/** Items looked at in one answer at most, valid or not: a hostile hub cannot make us loop. */
const MAX_ITEMS_EXAMINED = 4 * WIRE_LIMITS.maxK;
/** Longest intent kept, in characters. */
const MAX_INTENT_CHARS = WIRE_LIMITS.maxIntentChars;

const clamp = (x: number) => Math.max(-1, Math.min(1, x));

/**
 * Turns a hub's search answer into at most k {@link RemoteMemory}s, most similar first.
 * Drops, without failing: items that do not match the schema, of another space, whose vector
 * has another length or is not finite, below `minSimilarity` by the local computation, and
 * repeats. An answer that is not `{space, results: []}` gives [].
 *
 * @example
 * ```ts
 * parseHits(await res.json(), { query, space, k: 5, minSimilarity: 0.15, maxTextChars: 2000 });
 * ```
 */
export function parseHits(answer: unknown, options: ParseHitsOptions): RemoteMemory[] {
  const parsed = SearchResponseSchema.safeParse(answer);
  if (!parsed.success) return [];
  const query = normalizeInPlace(Float32Array.from(options.query));
  const seen = new Set<string>();
  const kept: { hit: WireHit; embedding: Float32Array; similarity: number }[] = [];
  for (const item of parsed.data.results.slice(0, MAX_ITEMS_EXAMINED)) {
    const parsedHit = WireHitSchema.safeParse(item);
    if (!parsedHit.success) continue;
    const hit = parsedHit.data;
    if (hit.space !== options.space || hit.embedding.length !== query.length || seen.has(hit.id)) {
      continue;
    }
    const embedding = Float32Array.from(hit.embedding);
    if (!embedding.every(Number.isFinite) || embedding.every((x) => x === 0)) continue;
    normalizeInPlace(embedding);
    const similarity = dot(query, embedding);
    if (!(similarity >= options.minSimilarity)) continue;
    seen.add(hit.id);
    kept.push({ hit, embedding, similarity });
  }
  kept.sort((a, b) => b.similarity - a.similarity);
  return kept.slice(0, options.k).map(({ hit, embedding, similarity }): RemoteMemory => {
    const experience = cleanUntrustedText(hit.experience, options.maxTextChars);
    const intent = cleanUntrustedText(hit.intent, MAX_INTENT_CHARS);
    return {
      source: "remote",
      untrusted: true,
      id: hit.id,
      space: hit.space,
      intent: intent.text,
      experience: experience.text,
      embedding,
      similarity,
      q: Number.isFinite(hit.q) ? clamp(hit.q) : 0,
      uses: hit.uses,
      contributor: hit.contributor.slice(0, 64),
      flags: [...new Set([...experience.flags, ...intent.flags])],
    };
  });
}
