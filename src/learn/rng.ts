/** A source of uniform numbers in [0, 1); seeded ones make decisions replayable. */
export type Rng = () => number;

/**
 * A small seeded generator (mulberry32, Tommy Ettinger, public domain): 32 bits of state, period
 * 2³², fast and good enough for exploration draws (not for secrets). The same seed gives the same
 * sequence on every machine, so a cycle's choices can be replayed from its recorded seed.
 *
 * @throws {RangeError} when `seed` is not a finite number.
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng(); // the same first number on every run
 * ```
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
