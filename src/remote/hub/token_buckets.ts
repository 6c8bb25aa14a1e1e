/** The answer of {@link TokenBuckets.take}. */
export type TakeResult =
  | { readonly ok: true }
  | {
    readonly ok: false; /** Seconds until the request would pass. */
    readonly retryAfterS: number;
  };

/** Buckets kept at most; beyond it the full (idle) ones are forgotten first. */
const MAX_BUCKETS = 10_000;

/**
 * Token-bucket rate limits, one bucket per key (a request key id, or an address for
 * registration): a bucket holds up to `burst` tokens and gains `perSecond` tokens a second; a
 * request costing c passes when c tokens are there and takes them. In memory, per process: with
 * N hub processes behind one address, a key can get up to N times the rate.
 *
 * @example
 * ```ts
 * const buckets = new TokenBuckets({ perSecond: 5, burst: 120 });
 * buckets.take("rk_…", 1, Date.now()); // { ok: true }
 * ```
 */
export class TokenBuckets {
  readonly #perSecond: number;
  readonly #burst: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(rate: { perSecond: number; burst: number }) {
    this.#perSecond = rate.perSecond;
    this.#burst = rate.burst;
  }

  /** Takes `cost` tokens from `key`'s bucket at time `nowMs`, or says how long to wait. */
  take(key: string, cost: number, nowMs: number): TakeResult {
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
    bucket.tokens = Math.min(this.#burst, bucket.tokens + elapsed * this.#perSecond);
    bucket.at = nowMs;
    this.#buckets.delete(key); // re-inserted last: the map's order is least recently used first
    this.#buckets.set(key, bucket);
    this.#prune(nowMs);
    // A request dearer than the whole bucket waits for a full bucket and then passes alone.
    const needed = Math.min(cost, this.#burst);
    if (bucket.tokens >= needed) {
      bucket.tokens -= needed;
      return { ok: true };
    }
    return { ok: false, retryAfterS: Math.ceil((needed - bucket.tokens) / this.#perSecond) };
  }

  #prune(nowMs: number): void {
    if (this.#buckets.size <= MAX_BUCKETS) return;
    for (const [key, bucket] of this.#buckets) {
      const refilled = bucket.tokens + ((nowMs - bucket.at) / 1000) * this.#perSecond;
      if (refilled >= this.#burst) this.#buckets.delete(key);
      if (this.#buckets.size <= MAX_BUCKETS / 2) return;
    }
    // Every bucket is busy: forget the least recently used.
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= MAX_BUCKETS / 2) return;
      this.#buckets.delete(key);
    }
  }
}
