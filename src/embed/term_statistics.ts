/**
 * Corpus statistics for the local embedder: how many texts contain each feature. Fitted once
 * from a corpus (e.g. the stored memories), then frozen: the statistics are part of the
 * embedding space, so a re-fit is a new space id and stored vectors are re-embedded from text.
 *
 * @module
 */
import { z } from "zod";
import { fmix32 } from "./_hash.ts";
import { extractFeatures } from "./_features.ts";

/** Document frequencies of hashed features over a corpus of texts. */
export interface TermStatistics {
  /** N, the number of texts counted. */
  readonly documents: number;
  /**
   * Document frequency by feature hash, for features seen in at least two texts. Any other
   * feature counts as seen once: stored texts were fitted, and a new text can only add one.
   */
  readonly frequencies: ReadonlyMap<number, number>;
}

/** JSON form of {@link TermStatistics}: `[hash, frequency]` pairs sorted by hash. */
export const TermStatisticsJsonSchema = z.object({
  version: z.literal(1),
  documents: z.number().int().nonnegative(),
  frequencies: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()])),
});

/** JSON form of {@link TermStatistics}, as stored by whoever freezes them. */
export type TermStatisticsJson = z.infer<typeof TermStatisticsJsonSchema>;

/**
 * Counts, for every feature, how many of `texts` contain it (each text counts once).
 *
 * @example
 * ```ts
 * const stats = fitTermStatistics(memories.map((m) => m.intent));
 * const embedder = createLocalEmbedder({ dimensions: 512, statistics: stats });
 * ```
 */
export function fitTermStatistics(texts: Iterable<string>): TermStatistics {
  const counts = new Map<number, number>();
  let documents = 0;
  const seen = new Set<number>();
  for (const text of texts) {
    seen.clear();
    extractFeatures(text, (hash) => seen.add(hash));
    for (const hash of seen) counts.set(hash, (counts.get(hash) ?? 0) + 1);
    documents++;
  }
  const frequencies = new Map<number, number>();
  for (const [hash, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count >= 2) frequencies.set(hash, count);
  }
  return { documents, frequencies };
}

const FINGERPRINT_SEED_A = 0x5bd1e995;
const FINGERPRINT_SEED_B = 0x27d4eb2f;

/** Smoothing of the document frequency: idf = ln((N + 1) / (df + 0.5)) stays above 0. */
const DF_SMOOTHING = 0.5;

/**
 * Inverse document frequency of a feature: idf = ln((N + 1) / (df + 0.5)), with df = 1 for a
 * feature the statistics do not list. Always > 0.
 */
export function inverseDocumentFrequency(stats: TermStatistics, hash: number): number {
  const df = stats.frequencies.get(hash) ?? 1;
  return Math.log((stats.documents + 1) / (df + DF_SMOOTHING));
}

/**
 * Content hash of the statistics (16 hex digits), used in the embedding-space id so that every
 * fit names its own space. Two independent 32-bit hashes over N and the sorted (hash, df) pairs.
 */
export function termStatisticsFingerprint(stats: TermStatistics): string {
  let a = (FINGERPRINT_SEED_A ^ stats.documents) >>> 0;
  let b = (FINGERPRINT_SEED_B ^ stats.documents) >>> 0;
  const hashes = [...stats.frequencies.keys()].sort((x, y) => x - y);
  for (const hash of hashes) {
    const df = stats.frequencies.get(hash) ?? 0;
    a = fmix32(Math.imul(a ^ hash, 0x01000193) + df);
    b = fmix32(Math.imul(b ^ df, 0x85ebca6b) ^ hash);
  }
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  return hex(a) + hex(b);
}

/** Converts statistics to their JSON form (for the store that freezes them). */
export function termStatisticsToJson(stats: TermStatistics): TermStatisticsJson {
  const frequencies: [number, number][] = [...stats.frequencies].sort((a, b) => a[0] - b[0]);
  return { version: 1, documents: stats.documents, frequencies };
}

/**
 * Reads statistics back from {@link termStatisticsToJson}'s form.
 *
 * @throws {TypeError} when `json` does not have that shape; the message names the bad field.
 */
export function termStatisticsFromJson(json: unknown): TermStatistics {
  const parsed = TermStatisticsJsonSchema.safeParse(json);
  if (!parsed.success) {
    throw new TypeError(`not term statistics (version 1): ${parsed.error.message}`, {
      cause: parsed.error,
    });
  }
  return { documents: parsed.data.documents, frequencies: new Map(parsed.data.frequencies) };
}
