/**
 * Hashed features → one L2-normalised dense vector (private to the embedder).
 *
 * For each distinct feature f of a text, with term frequency tf(f):
 *
 *   a(f) = c(f) · u(f) · (1 + ln tf(f))
 *
 * where c is the feature's class weight and u = idf(f)^γ when corpus statistics are given (they
 * replace the fixed prior), the fixed prior otherwise. a(f) is spread over P probes (signed
 * feature hashing, Weinberger et al. 2009, with P hashes per feature): probe p adds
 * sign_p(f) · a(f) / √P to dimension index_p(f). A feature's vector has norm a(f) whatever P
 * is, so the expected dot product of two texts is Σ_f a_x(f)·a_y(f); P > 1 turns rare large
 * collisions into many small ones, which ranks better at a few hundred dimensions. The result
 * is divided by its L2 norm.
 */
import { probeHash } from "./_hash.ts";
import { extractFeatures } from "./_features.ts";
import { inverseDocumentFrequency, type TermStatistics } from "./term_statistics.ts";

/** How a text becomes a vector; everything here is part of the embedding space. */
export interface VectorizeParams {
  readonly dims: number;
  /** P, the number of hashed positions per feature. */
  readonly probes: number;
  readonly statistics?: TermStatistics | undefined;
  /** γ, the exponent on idf: 1 is classic tf-idf on each side, < 1 softens it. */
  readonly idfPower: number;
}

/**
 * Distinct features of one text, in first-seen order: hash, weight before tf, and tf. Reused
 * between calls (embedding is synchronous), which keeps the hot loop free of allocation.
 */
class FeatureBag {
  readonly slots = new Map<number, number>();
  hashes: number[] = [];
  weights: number[] = [];
  counts: number[] = [];

  reset(): void {
    this.slots.clear();
    this.hashes.length = 0;
    this.weights.length = 0;
    this.counts.length = 0;
  }

  add(hash: number, weight: number): void {
    const slot = this.slots.get(hash);
    if (slot === undefined) {
      this.slots.set(hash, this.hashes.length);
      this.hashes.push(hash);
      this.weights.push(weight);
      this.counts.push(1);
    } else {
      this.counts[slot]! += 1;
    }
  }
}

const bag = new FeatureBag();

/** Embeds one text (see the module doc for the formula). Never returns a zero vector. */
export function vectorize(text: string, params: VectorizeParams): Float32Array {
  const { dims, probes, statistics, idfPower } = params;
  bag.reset();
  if (statistics === undefined) {
    extractFeatures(text, (hash, classWeight, prior) => bag.add(hash, classWeight * prior));
  } else {
    extractFeatures(text, (hash, classWeight) => bag.add(hash, classWeight));
  }
  const vector = new Float32Array(dims);
  const spread = 1 / Math.sqrt(probes);
  for (let slot = 0; slot < bag.hashes.length; slot++) {
    const hash = bag.hashes[slot]!;
    let amount = bag.weights[slot]! * (1 + Math.log(bag.counts[slot]!)) * spread;
    if (statistics !== undefined) {
      amount *= Math.pow(inverseDocumentFrequency(statistics, hash), idfPower);
    }
    for (let p = 0; p < probes; p++) {
      // int32: the top bit is the sign, the other 31 bits pick the dimension.
      const h = probeHash(hash, p) | 0;
      vector[(h & 0x7fffffff) % dims]! += h < 0 ? -amount : amount;
    }
  }
  return normalize(vector, text);
}

/** Divides by the L2 norm; if probes cancelled exactly, falls back to one text-keyed axis. */
function normalize(vector: Float32Array, text: string): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  if (sum === 0 || !Number.isFinite(sum)) {
    vector.fill(0);
    vector[(probeHash(text.length, 0) & 0x7fffffff) % vector.length] = 1;
    return vector;
  }
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i]! *= scale;
  return vector;
}
