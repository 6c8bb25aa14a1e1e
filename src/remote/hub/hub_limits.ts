/**
 * What one hub allows: per-key rate limits and storage quotas, request sizes, and the
 * learning constants of its shared memory. Every field has a default; `lshml hub serve` sets a
 * few from flags and `LSHML_HUB_*` variables.
 *
 * @example
 * ```ts
 * import { hubLimits } from "./hub_limits.ts";
 * const limits = hubLimits({ quotaPerKey: 100 }); // the defaults, with a smaller quota
 * ```
 */
export interface HubLimits {
  /** Largest request body, in bytes. An ingest of 32 triplets at 4,096 dims fits. */
  readonly maxBodyBytes: number;
  /** Token bucket per key: tokens added per second (a search or feedback costs 1). */
  readonly ratePerSecond: number;
  /** Token bucket per key: capacity, i.e. the largest burst. An ingest costs 1 per triplet. */
  readonly rateBurst: number;
  /** Registrations per minute from one address, and the burst allowed. */
  readonly registerPerMinute: number;
  /** Memories one key may have stored (merged duplicates do not count). */
  readonly quotaPerKey: number;
  /** Memories the whole hub may hold. */
  readonly maxMemories: number;
  /** Distinct embedding spaces the hub accepts (each holds an index in memory). */
  readonly maxSpaces: number;
  /** Cosine similarity at or above which an ingested triplet merges into an existing one. */
  readonly duplicateSimilarity: number;
  /** α of the shared Q update Q ← Q + α(r − Q) (MemRL), applied per feedback. */
  readonly alpha: number;
  /**
   * Weight of a contributor's own Q when its memory arrives: the hub starts at w·q, so one
   * machine's estimate cannot outrank what other agents' feedback says for long.
   */
  readonly reportedQWeight: number;
}

/**
 * The defaults: a team of a few dozen agents never meets them; a runaway client does.
 *
 * @example
 * ```ts
 * import { DEFAULT_HUB_LIMITS } from "./hub_limits.ts";
 * DEFAULT_HUB_LIMITS.quotaPerKey; // 10000
 * ```
 */
export const DEFAULT_HUB_LIMITS: HubLimits = {
  // 32 × 4,096 numbers at up to ~24 JSON characters each would be 3 MiB; real embeddings print
  // in ~10 characters, so 2 MiB is the largest honest ingest with room to spare.
  maxBodyBytes: 2 * 1024 * 1024,
  ratePerSecond: 5,
  rateBurst: 120,
  registerPerMinute: 6,
  quotaPerKey: 10_000,
  maxMemories: 1_000_000,
  maxSpaces: 32,
  duplicateSimilarity: 0.95,
  alpha: 0.3,
  reportedQWeight: 0.5,
};

/**
 * The defaults with `overrides` applied, checked.
 *
 * @throws {RangeError} when a value is out of its range (quoted in the message).
 */
export function hubLimits(overrides: Partial<HubLimits> = {}): HubLimits {
  const limits = { ...DEFAULT_HUB_LIMITS, ...overrides };
  const positive = [
    "maxBodyBytes",
    "ratePerSecond",
    "rateBurst",
    "registerPerMinute",
    "quotaPerKey",
    "maxMemories",
    "maxSpaces",
  ] as const;
  for (const key of positive) {
    if (!(limits[key] > 0) || !Number.isFinite(limits[key])) {
      throw new RangeError(`hub limit ${key} must be a positive number, got ${limits[key]}`);
    }
  }
  const inUnit = ["duplicateSimilarity", "alpha", "reportedQWeight"] as const;
  for (const key of inUnit) {
    if (!(limits[key] >= 0 && limits[key] <= 1)) {
      throw new RangeError(`hub limit ${key} must be in [0, 1], got ${limits[key]}`);
    }
  }
  return limits;
}
