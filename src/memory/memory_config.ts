/**
 * Settings of the episodic memory. The first three are the configuration's `memory.maxEntries`,
 * `learning.alpha` and `learning.qInit` (DESIGN §5); the rest are engineering knobs with
 * measured defaults that hosts rarely change.
 */
export interface MemoryConfig {
  /** Most memories kept; past it, retention evicts the least valuable (config default 200). */
  readonly maxEntries: number;
  /** α, the Q-learning step size in Q ← Q + α(r − Q) (config `learning.alpha`, 0.3). */
  readonly alpha: number;
  /** Q of a new memory (config `learning.qInit`, 0). */
  readonly qInit: number;
  /**
   * Cosine at or above which a new memory's intent is a near-duplicate of a stored one in the
   * same space and is merged into it instead of stored twice; above 1, nothing merges.
   */
  readonly mergeThreshold: number;
  /**
   * Share of `maxEntries` reserved for the newest memories that were never selected nor
   * rewarded: retention does not evict them, so a new memory gets a chance to earn its Q.
   */
  readonly freshQuota: number;
  /**
   * With the local embedder: fit its corpus statistics (frozen idf) on the stored intents, and
   * refit when the corpus has turned over (see `maintain()`).
   */
  readonly fitStatistics: boolean;
  /** Compact once the operations log exceeds this many bytes and `compactLogRatio`. */
  readonly compactMinLogBytes: number;
  /** …and this fraction of the snapshot's size (metadata + vectors). */
  readonly compactLogRatio: number;
  /** Compact inline after a write once due; false leaves it to `compact()` / `maintain()`. */
  readonly autoCompact: boolean;
}

/**
 * Defaults. `mergeThreshold` 0.95: of LoCoMo's 2,760 dialogue turns it merges 3, all
 * pleasantries that repeat one another ("Bye Nate!" / "Bye Joanna!"); `freshQuota` 0.1 is the
 * seed's "small fresh quota"; the log may grow to 1/8 of the snapshot (≥ 1 MiB; and at most
 * max(1000, n/50) lines) before compaction, which keeps both the amortised compaction cost
 * per write and the replay time at load small.
 */
export const DEFAULT_MEMORY_CONFIG: MemoryConfig = {
  maxEntries: 200,
  alpha: 0.3,
  qInit: 0,
  mergeThreshold: 0.95,
  freshQuota: 0.1,
  fitStatistics: true,
  compactMinLogBytes: 1 << 20,
  compactLogRatio: 0.125,
  autoCompact: true,
};

function check(ok: boolean, key: string, value: unknown, allowed: string): void {
  if (!ok) throw new RangeError(`memory config ${key} must be ${allowed}, got ${String(value)}`);
}

/**
 * The defaults overridden by `overrides`, validated.
 *
 * @throws {RangeError} naming the key and value when a setting is out of range.
 * @example
 * ```ts
 * const config = resolveMemoryConfig({ maxEntries: 10_000, alpha: 0.2 });
 * ```
 */
export function resolveMemoryConfig(overrides: Partial<MemoryConfig> = {}): MemoryConfig {
  const c = { ...DEFAULT_MEMORY_CONFIG, ...overrides };
  check(Number.isInteger(c.maxEntries) && c.maxEntries >= 1, "maxEntries", c.maxEntries, "≥ 1");
  check(c.alpha > 0 && c.alpha <= 1, "alpha", c.alpha, "in (0, 1]");
  check(c.qInit >= -1 && c.qInit <= 1, "qInit", c.qInit, "in [-1, 1]");
  check(c.mergeThreshold > 0, "mergeThreshold", c.mergeThreshold, "> 0 (above 1: never merge)");
  check(c.freshQuota >= 0 && c.freshQuota < 1, "freshQuota", c.freshQuota, "in [0, 1)");
  check(c.compactMinLogBytes >= 0, "compactMinLogBytes", c.compactMinLogBytes, "≥ 0");
  check(c.compactLogRatio >= 0, "compactLogRatio", c.compactLogRatio, "≥ 0");
  return c;
}

/** The settings {@link memoryConfigOf} reads: `memory.*`, `learning.*`, `remote.enabled`. */
export interface MemorySettings {
  readonly memory: { readonly maxEntries: number };
  readonly learning: { readonly alpha: number; readonly qInit: number };
  readonly remote: { readonly enabled: boolean };
}

/**
 * The memory settings of an lshml configuration, the same for every process that opens a home
 * (the plugin's engine, `lshml memory`, the dashboard). With remote sharing on, the local
 * embedder keeps its plain space (no statistics fitted on this home's intents): vectors then
 * mean the same on every agent of the team, which is what lets the hub compare them — and a
 * home's word statistics stay private.
 *
 * @example
 * ```ts
 * const memory = await EpisodicMemory.open(home, { embedder, config: memoryConfigOf(config) });
 * ```
 */
export function memoryConfigOf(settings: MemorySettings): Partial<MemoryConfig> {
  return {
    maxEntries: settings.memory.maxEntries,
    alpha: settings.learning.alpha,
    qInit: settings.learning.qInit,
    fitStatistics: !settings.remote.enabled,
  };
}
