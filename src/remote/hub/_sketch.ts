/**
 * Sign sketches for the hub's search (private to the hub).
 *
 * A vector v of D dimensions is padded to P = 2^⌈log₂ D⌉ and mixed twice by a randomised
 * Hadamard transform, x = H·S₂·H·S₁·v (S random ±1 diagonals, H the Walsh–Hadamard matrix); the
 * sketch keeps the signs of the first B = min(P, 512) coordinates. Each bit is then close to a
 * random-hyperplane bit, so P(bit differs) ≈ θ/π for two vectors at angle θ (Charikar 2002,
 * SimHash; the fast transform is Ailon & Chazelle's FJLT). The Hamming distance over B bits
 * therefore estimates the angle, at 1/64 of the cost of a float dot product at D = 512, and
 * costs O(P log P) to compute — so it is rebuilt from the vectors at load, never stored.
 */

/** Bits kept per vector at most: 16 words of 32. */
const MAX_BITS = 512;
/** Seeds of the two sign diagonals; changing them changes every sketch (they are not stored). */
const SEED_1 = 0x9e3779b9;
const SEED_2 = 0x85ebca6b;

/** Murmur3's finaliser: a cheap, well-mixed 32-bit hash of i under a seed. */
function mix(i: number, seed: number): number {
  let h = (Math.imul(i + 1, 0xcc9e2d51) ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function signs(length: number, seed: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = (mix(i, seed) & 1) === 0 ? 1 : -1;
  return out;
}

/** In-place fast Walsh–Hadamard transform (unnormalised; signs are all the sketch keeps). */
function hadamard(x: Float64Array): void {
  for (let h = 1; h < x.length; h *= 2) {
    for (let i = 0; i < x.length; i += h * 2) {
      for (let j = i; j < i + h; j++) {
        const a = x[j]!, b = x[j + h]!;
        x[j] = a + b;
        x[j + h] = a - b;
      }
    }
  }
}

/** Computes sketches for one dimension count. */
export interface Sketcher {
  /** 32-bit words per sketch. */
  readonly words: number;
  /** Bits per sketch (words × 32). */
  readonly bits: number;
  /** Writes the sketch of `vector` into `out` at word offset `at`. */
  sketch(vector: ArrayLike<number>, out: Int32Array, at: number): void;
}

/** A sketcher for vectors of `dims` dimensions (dims ≥ 32). */
export function createSketcher(dims: number): Sketcher {
  let padded = 1;
  while (padded < dims) padded *= 2;
  const bits = Math.min(padded, MAX_BITS);
  const words = bits / 32;
  const s1 = signs(padded, SEED_1);
  const s2 = signs(padded, SEED_2);
  const work = new Float64Array(padded);
  return {
    words,
    bits,
    sketch(vector, out, at) {
      work.fill(0);
      for (let i = 0; i < dims; i++) work[i] = vector[i]! * s1[i]!;
      hadamard(work);
      for (let i = 0; i < padded; i++) work[i] = work[i]! * s2[i]!;
      hadamard(work);
      for (let w = 0; w < words; w++) {
        let word = 0;
        for (let b = 0; b < 32; b++) if (work[w * 32 + b]! < 0) word |= 1 << b;
        out[at + w] = word;
      }
    },
  };
}

/** Number of set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
