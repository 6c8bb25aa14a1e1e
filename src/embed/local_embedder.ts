/**
 * The default embedder: local, multilingual, lexical. No network, no model, no server.
 *
 * @module
 */
import type { Embedder } from "./embedder.ts";
import { vectorize, type VectorizeParams } from "./_vectorize.ts";
import { type TermStatistics, termStatisticsFingerprint } from "./term_statistics.ts";

/** Options for {@link createLocalEmbedder}. */
export interface LocalEmbedderOptions {
  /** Vector length D (config `embedding.dimensions`), an integer in [16, 4096]. Default 512. */
  readonly dimensions?: number;
  /**
   * Frozen corpus statistics (see `fitTermStatistics`). With them, features are weighted by
   * idf^0.75 and the space id names the fit; without them, by a fixed prior (no state at all).
   */
  readonly statistics?: TermStatistics;
}

/** The local embedder, with a synchronous single-text form for hot paths and benchmarks. */
export interface LocalEmbedder extends Embedder {
  /** Embeds one text now; same vector as `embed([text])`. */
  embedOne(text: string): Float32Array;
}

/** Default D: measured on LoCoMo (see scripts/bench/locomo_recall.ts) and the recall cost. */
export const DEFAULT_LOCAL_DIMENSIONS = 512;
const MIN_DIMENSIONS = 16;
const MAX_DIMENSIONS = 4096;
/** P = 8 probes per feature: +0.05 recall@5 over P = 1 at D = 512; P = 16 is no better. */
const PROBES = 8;
/** γ = 0.75 on idf: 0.5 and 1 measured within noise, 0.75 at least as good as either. */
const IDF_POWER = 0.75;
/** Texts embedded between two yields to the event loop (about 25 ms of work). */
const YIELD_EVERY = 2_000;

/**
 * Space id of the local embedder: `local:hash-ngram:v1:<D>`, plus `:idf-<fingerprint>` when
 * corpus statistics are used. It changes whenever vectors would: another D, another fit, or a
 * new version of the features (bump `v1`).
 */
export function localSpaceId(dimensions: number, statistics?: TermStatistics): string {
  const base = `local:hash-ngram:v1:${dimensions}`;
  return statistics === undefined ? base : `${base}:idf-${termStatisticsFingerprint(statistics)}`;
}

/**
 * Creates the local embedder: hashed word, prefix and CJK character n-gram features with
 * sublinear tf and a fixed prior or frozen idf, signed-hashed into D dimensions with 8 probes
 * per feature, L2-normalised. Deterministic: the same text, D and statistics give the same
 * vector on every machine and in every version that keeps the space id.
 *
 * Vector: v = u / ‖u‖ with u = Σ_f c(f) · w(f) · (1 + ln tf(f)) · h(f), where h(f) is the
 * feature's signed hash vector of norm 1, c(f) its class weight and w(f) = idf(f)^0.75 with
 * statistics (idf = ln((N + 1) / (df + 0.5))) or min(1, 0.3 + letters / 8) for words without.
 * So v·v' is the cosine similarity of the two weighted feature bags, up to hashing noise of
 * about 1/√D.
 *
 * @throws {RangeError} when `dimensions` is not an integer in [16, 4096].
 * @example
 * ```ts
 * const embedder = createLocalEmbedder({ dimensions: 512 });
 * const [a, b] = await embedder.embed(["构建失败：找不到模块", "構建失敗：找不到模組"]);
 * dot(a, b); // well above the similarity of unrelated texts
 * ```
 */
export function createLocalEmbedder(options: LocalEmbedderOptions = {}): LocalEmbedder {
  const dims = options.dimensions ?? DEFAULT_LOCAL_DIMENSIONS;
  if (!Number.isInteger(dims) || dims < MIN_DIMENSIONS || dims > MAX_DIMENSIONS) {
    throw new RangeError(
      `embedding dimensions must be an integer in [${MIN_DIMENSIONS}, ${MAX_DIMENSIONS}], got ${
        JSON.stringify(dims)
      }`,
    );
  }
  const params: VectorizeParams = {
    dims,
    probes: PROBES,
    statistics: options.statistics,
    idfPower: IDF_POWER,
  };
  const embedOne = (text: string): Float32Array => {
    if (typeof text !== "string") {
      throw new TypeError(`embed expects strings, got ${typeof text}`);
    }
    return vectorize(text, params);
  };
  return {
    space: localSpaceId(dims, options.statistics),
    dims,
    embedOne,
    async embed(texts: readonly string[]): Promise<Float32Array[]> {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i++) {
        // A long batch must not starve the plugin bridge's other work.
        if (i > 0 && i % YIELD_EVERY === 0) await new Promise((r) => setTimeout(r, 0));
        vectors.push(embedOne(texts[i]!));
      }
      return vectors;
    },
  };
}
