/** Controlled vectors, embedders and clocks for the memory tests (no Deno-only imports). */
import { type Embedder, normalizeInPlace } from "../../src/embed/mod.ts";

/** A unit vector from components (padded with zeros to `dims`). */
export function unit(values: readonly number[], dims = 8): Float32Array {
  const v = new Float32Array(dims);
  v.set(values);
  return normalizeInPlace(v);
}

/**
 * A unit vector at angle θ from axis 0 towards axis `axis`: its cosine with `unit([1])` is
 * exactly cos θ, so similarities in tests are chosen, not hoped for.
 */
export function atCosine(cos: number, axis = 1, dims = 8): Float32Array {
  const v = new Float32Array(dims);
  v[0] = cos;
  v[axis] = Math.sqrt(Math.max(0, 1 - cos * cos));
  return v;
}

/**
 * An embedder of a named space that maps each text to a fixed vector when `table` has it, else
 * to a hashed unit vector; counts the texts it embedded.
 */
export function tableEmbedder(
  space: string,
  dims: number,
  table: Readonly<Record<string, Float32Array>> = {},
): Embedder & { calls: number } {
  const embedder = {
    space,
    dims,
    calls: 0,
    embed(texts: readonly string[]): Promise<Float32Array[]> {
      embedder.calls += texts.length;
      return Promise.resolve(texts.map((text) => table[text] ?? hashed(text, dims)));
    },
  };
  return embedder;
}

function hashed(text: string, dims: number): Float32Array {
  const v = new Float32Array(dims);
  let h = 2166136261;
  for (const char of text) {
    h = Math.imul(h ^ char.codePointAt(0)!, 16777619) >>> 0;
    v[h % dims]! += (h & 0x100) === 0 ? 1 : -1;
  }
  if (v.every((x) => x === 0)) v[0] = 1;
  return normalizeInPlace(v);
}

/** A clock that starts at a fixed time and moves only when told. */
export function manualClock(start = Date.parse("2026-11-21T10:00:00Z")) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}
