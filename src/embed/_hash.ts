/** 32-bit string and integer hashing for feature hashing (private to the embedder). */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over the UTF-16 code units of `text`, as an unsigned 32-bit integer. `seed` is mixed
 * into the offset basis so that feature kinds ("word", "character bigram", …) hash apart.
 */
export function fnv1a(text: string, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the whole output. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Golden-ratio increment that gives each probe of a feature an independent hash. */
const PROBE_STEP = 0x9e3779b9;

/** Hash of probe `probe` (0, 1, …) of the feature whose hash is `feature`. */
export function probeHash(feature: number, probe: number): number {
  return fmix32((feature + Math.imul(probe, PROBE_STEP)) >>> 0);
}
