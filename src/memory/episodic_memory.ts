import { createLocalEmbedder, type Embedder, fitTermStatistics } from "../embed/mod.ts";
import { buildStats } from "./_build_stats.ts";
import { decideAdd } from "./_decide_add.ts";
import { embedAll, isPlainLocal, refitDue } from "./_embedding_policy.ts";
import { type Entry, toRecord } from "./_entry.ts";
import { type CarriedFields, carriedFields, checkRecords } from "./_import_records.ts";
import { listEntries } from "./_listing.ts";
import type { FittedStatistics } from "./_memory_state.ts";
import { MemoryStore } from "./_memory_store.ts";
import { moveToSpace, type ReadyVector } from "./_move_to_space.ts";
import { resolvePending } from "./_pending.ts";
import { rewardChanges, selectionChanges } from "./_reward_changes.ts";
import { storePaths } from "./_store_paths.ts";
import type {
  AddInput,
  AddResult,
  EpisodicMemoryOptions,
  ImportResult,
  ListSort,
  MaintenanceResult,
  Progress,
  RecallOptions,
  RecallResult,
  UpdateQResult,
} from "./episodic_memory_types.ts";
import { type MemoryConfig, resolveMemoryConfig } from "./memory_config.ts";
import type { MemoryExport } from "./memory_export.ts";
import type { MemoryRecord } from "./memory_record.ts";
import type { MemoryStats } from "./memory_stats.ts";
import { rank, type RankInput, type RankOptions, type RankResult } from "./rank.ts";

/**
 * The MemRL episodic memory of one lshml home (Zhang et al. 2026, arXiv 2601.03192): memories
 * of (intent, experience) whose utility Q is learned from rewards, recalled by similarity
 * (phase A), re-ranked by similarity and Q (phase B), merged when near-duplicate and evicted
 * by value with a fresh quota when full.
 *
 * Several processes (the plugin's engine, the CLI, the dashboard) may open the same home:
 * every write holds the store's cross-process lock and appends one fsynced line to the
 * operations log; reads see other processes' writes after {@link EpisodicMemory.refresh}
 * (`search` does it). A crash loses no acknowledged write and leaves every file readable.
 *
 * @example
 * ```ts
 * const memory = await EpisodicMemory.open(home, { embedder, config: { maxEntries: 200 } });
 * const [query] = await memory.embedder.embed([prompt]);
 * const { candidates } = memory.recall(query, { delta: 0.15, k1: 5 });
 * const { selected, injected } = memory.rank(candidates, { k2: 3, lambda: 0.5,
 *   epsilon: 0.1, tau: 0.85, rng: createRng(seed) });
 * if (injected) await memory.markSelected(selected.map((s) => s.candidate.id));
 * ```
 */
export class EpisodicMemory {
  readonly config: MemoryConfig;
  readonly #store: MemoryStore;
  readonly #base: Embedder;
  readonly #now: () => Date;
  #fitted: { readonly from: FittedStatistics; readonly embedder: Embedder } | undefined;

  private constructor(store: MemoryStore, base: Embedder, config: MemoryConfig, now: () => Date) {
    this.#store = store;
    this.#base = base;
    this.config = config;
    this.#now = now;
  }

  /**
   * Opens (or starts) the episodic memory in `home`'s `memory/` folder and loads it.
   *
   * @throws {StoreCorruptError} when a file cannot be read (the store moved it aside).
   * @throws {RangeError} when a config value is out of range.
   */
  static async open(home: string, options: EpisodicMemoryOptions): Promise<EpisodicMemory> {
    const config = resolveMemoryConfig(options.config);
    const now = options.now ?? (() => new Date());
    const store = await MemoryStore.open(storePaths(home), {
      kernel: options.kernel ?? "auto",
      now,
      lockTimeoutMs: options.lockTimeoutMs ?? 10_000,
      compactMinLogBytes: config.compactMinLogBytes,
      compactLogRatio: config.compactLogRatio,
      autoCompact: config.autoCompact,
    });
    return new EpisodicMemory(store, options.embedder, config, now);
  }

  /** The embedder of the memory's space: the configured one, or the local one fitted here. */
  get embedder(): Embedder {
    const fitted = this.#store.state.fitted;
    if (!this.config.fitStatistics || fitted === null || !isPlainLocal(this.#base)) {
      return this.#base;
    }
    if (this.#fitted?.from !== fitted) {
      const statistics = fitted.statistics;
      const embedder = createLocalEmbedder({ dimensions: this.#base.dims, statistics });
      this.#fitted = { from: fitted, embedder };
    }
    return this.#fitted.embedder;
  }

  /** The space recall searches by default: {@link EpisodicMemory.embedder}'s. */
  get space(): string {
    return this.embedder.space;
  }

  /** How many memories are stored (all spaces). */
  get size(): number {
    return this.#store.state.size;
  }

  /** Re-reads the whole store from disk. */
  async reload(): Promise<void> {
    await this.#store.reload();
  }

  /**
   * Applies what other processes wrote since the last look: new log lines only, or a full
   * reload after a compaction. Cheap when nothing changed (two `stat` calls).
   *
   * @returns whether anything changed.
   */
  async refresh(): Promise<boolean> {
    return await this.#store.refresh();
  }

  /**
   * MemRL phase A: the k1 memories most similar to `query` with similarity > δ, in the query's
   * space only (vectors of two spaces are never compared). Similarity is the cosine (vectors
   * are unit length: their dot product); candidates are ordered by similarity · support prior
   * (see `supportPrior`). Preselection by 128-wide sketches keeps it fast; it agrees with an
   * exact scan on ≈ 99% of the top 10 (see the memory benchmark), `exact: true` disables it.
   *
   * @throws {RangeError} when the query's length is not the space's dimension count.
   */
  recall(query: Float32Array, options: RecallOptions = {}): RecallResult {
    const space = options.space ?? this.space;
    const index = this.#store.state.index(space);
    const searched = index?.size ?? 0;
    const otherSpaces = this.size - searched;
    if (index === undefined) return { space, candidates: [], searched, otherSpaces };
    const hits = index.search(query, {
      k: options.k1 ?? 5,
      above: options.delta ?? 0.15,
      prior: options.prior ?? true,
      exact: options.exact ?? false,
    });
    const candidates = hits.map((hit) => {
      const memory = toRecord(this.#store.state.entries.get(hit.id)!);
      return { id: hit.id, similarity: hit.similarity, score: hit.score, q: memory.q, memory };
    });
    return { space, candidates, searched, otherSpaces };
  }

  /** MemRL phase B over `candidates` (see `rank`). */
  rank<T extends RankInput>(candidates: readonly T[], options: RankOptions): RankResult<T> {
    return rank(candidates, options);
  }

  /**
   * Refreshes, embeds `text` with {@link EpisodicMemory.embedder} and runs phase A: what
   * `lshml memory search` does per query line.
   */
  async search(text: string, options: Omit<RecallOptions, "space"> = {}): Promise<RecallResult> {
    await this.refresh();
    for (;;) {
      const embedder = this.embedder;
      const [vector] = await embedder.embed([text]);
      // A write of this process may have switched the space while we awaited: embed again.
      if (embedder === this.embedder && vector !== undefined) {
        return this.recall(vector, { ...options, space: embedder.space });
      }
    }
  }

  /**
   * Writes one memory (see {@link EpisodicMemory.addMany}).
   *
   * @example
   * ```ts
   * const result = await memory.add({ intent, experience, vector });
   * // { action: "added", id, evicted: [] } or { action: "merged", id, similarity, … }
   * ```
   */
  async add(input: AddInput): Promise<AddResult> {
    const [result] = await this.addMany([input]);
    return result!;
  }

  /**
   * Writes memories in one locked, fsynced step. Each is merged into a stored near-duplicate
   * (same space, intent cosine ≥ `config.mergeThreshold`, see `mergeDuplicate`) unless `merge`
   * is false; otherwise appended, evicting by retention when over `maxEntries` (see
   * `selectEvictions`). A vector made in a space that is no longer current is replaced by
   * embedding the intent again.
   */
  async addMany(
    inputs: readonly AddInput[],
    options: { readonly merge?: boolean } = {},
  ): Promise<AddResult[]> {
    return await this.#addMany(inputs, options.merge ?? true);
  }

  /**
   * MemRL's utility update for the memories that led to an outcome: Q ← Q + α(r − Q) with
   * α = `config.alpha` and r clamped to [−1, 1] (see `qUpdate`); visits + 1, success or
   * failure + 1 when r > 0 or r < 0, lastReward = r, lastUsedAt = now. One log line.
   */
  async updateQ(ids: readonly string[], reward: number): Promise<UpdateQResult> {
    if (!Number.isFinite(reward)) throw new RangeError(`reward must be finite, got ${reward}`);
    return await this.#store.write((emit) => {
      const now = this.#now().getTime();
      const { alpha } = this.config;
      const { changes, updated, missing } = rewardChanges(this.#entries, ids, reward, {
        alpha,
        now,
      });
      if (changes.length > 0) emit({ op: "patch", reason: "reward", changes });
      return { updated, missing };
    });
  }

  /** Records that phase B injected these memories: selectedCount + 1, lastUsedAt = now. */
  async markSelected(ids: readonly string[]): Promise<{ readonly missing: readonly string[] }> {
    return await this.#store.write((emit) => {
      const { changes, missing } = selectionChanges(this.#entries, ids, this.#now().getTime());
      if (changes.length > 0) emit({ op: "patch", reason: "selected", changes });
      return { missing };
    });
  }

  /** Deletes a memory; false when it is not stored. */
  async forget(id: string): Promise<boolean> {
    return await this.#store.write((emit) => {
      if (!this.#entries.has(id)) return false;
      emit({ op: "remove", reason: "forget", ids: [id] });
      return true;
    });
  }

  /** One memory, or `undefined`. */
  get(id: string): MemoryRecord | undefined {
    const entry = this.#entries.get(id);
    return entry === undefined ? undefined : toRecord(entry);
  }

  /**
   * Memories, best first by `sort`: "recent" (last update, the default), "created" (newest),
   * "q" (highest Q), "used" (most selected) or "value" (retention value).
   */
  list(
    options: { readonly sort?: ListSort; readonly limit?: number; readonly offset?: number } = {},
  ): MemoryRecord[] {
    const { sort = "recent", offset = 0, limit } = options;
    const now = this.#now().getTime();
    return listEntries(this.#entries.values(), { sort, offset, ...(limit ? { limit } : {}) }, now);
  }

  /** Every memory's text and metadata, oldest first; no vectors (see `MemoryExportSchema`). */
  exportAll(): MemoryExport {
    const entries = [...this.#entries.values()].sort((a, b) => a.ordinal - b.ordinal);
    const exportedAt = this.#now().toISOString();
    return { version: 1, exportedAt, space: this.space, memories: entries.map(toRecord) };
  }

  /**
   * Imports memories from an export (or a plain array of records), keeping their ids, Q,
   * counts and times: intents are embedded in this store's space (outside the lock, with
   * progress), then written like `addMany`. Ids already stored are skipped, so importing the
   * same export twice changes nothing; records that are not memories are reported, not fatal.
   *
   * @throws {ZodError} when an export object (not an array) does not have the export's shape.
   */
  async importAll(
    records: MemoryExport | readonly unknown[],
    options: { readonly merge?: boolean; readonly onProgress?: Progress } = {},
  ): Promise<ImportResult> {
    const { valid, invalid } = checkRecords(records);
    const fresh = valid.filter((r) => !this.#entries.has(r.id));
    const embedder = this.embedder;
    const vectors = await embedAll(embedder, fresh.map((r) => r.intent), options.onProgress);
    const inputs = fresh.map((r, i) => ({
      id: r.id,
      intent: r.intent,
      experience: r.experience,
      vector: vectors[i]!,
      space: embedder.space,
      carried: carriedFields(r),
    }));
    const results = await this.#addMany(inputs, options.merge ?? true);
    const count = (action: AddResult["action"]) =>
      results.filter((r) => r.action === action).length;
    return {
      imported: count("added"),
      merged: count("merged"),
      skipped: valid.length - fresh.length + count("skipped"),
      evicted: results.reduce((n, r) => n + (r.action === "added" ? r.evicted.length : 0), 0),
      invalid,
    };
  }

  /** Counts, spaces, Q distribution, files and what maintenance is due. */
  stats(): MemoryStats {
    const state = this.#store.state;
    const due = refitDue(this.#base, state, this.config.fitStatistics);
    return buildStats(state, this.#store, { space: this.space, refitDue: due });
  }

  /**
   * Re-embeds every memory outside {@link EpisodicMemory.space} from its intent text, so that
   * after a change of embedder the memories are searchable again (never by comparing vectors
   * across spaces). Embedding runs outside the lock, with progress; the switch is one new
   * snapshot under the lock.
   *
   * @returns how many memories moved.
   */
  async reembed(options: { readonly onProgress?: Progress } = {}): Promise<number> {
    const target = this.embedder;
    const stale = [...this.#entries.values()].filter((e) => e.space !== target.space);
    const vectors = await embedAll(target, stale.map((e) => e.intent), options.onProgress);
    const ready = new Map(stale.map((e, i) => [e.id, { intent: e.intent, vector: vectors[i]! }]));
    return await moveToSpace(this.#store, target, ready, () => this.space === target.space);
  }

  /**
   * What a host runs off the hot path (after a learning step, at the end of an import):
   * refits the local embedder's statistics when due (then re-embeds everything into the new
   * space), else re-embeds memories of other spaces, else compacts a long log.
   */
  async maintain(options: { readonly onProgress?: Progress } = {}): Promise<MaintenanceResult> {
    await this.refresh();
    if (refitDue(this.#base, this.#store.state, this.config.fitStatistics)) {
      const reembedded = await this.#refit(options.onProgress);
      return { refitted: true, reembedded, compacted: true, space: this.space };
    }
    if (this.stats().due.reembed > 0) {
      const reembedded = await this.reembed(options);
      return { refitted: false, reembedded, compacted: true, space: this.space };
    }
    const compacted = this.#store.compactionDue() ? await this.#store.compact() : false;
    return { refitted: false, reembedded: 0, compacted, space: this.space };
  }

  /** Writes a new snapshot now (folding the log in); false when there was nothing to fold. */
  async compact(): Promise<boolean> {
    return await this.#store.compact();
  }

  /** `addMany`, with what an import carries over (Q, counts, times) per input. */
  async #addMany(
    inputs: readonly (AddInput & { readonly carried?: CarriedFields })[],
    merge: boolean,
  ): Promise<AddResult[]> {
    const claimed = this.space;
    return await this.#store.write(async (emit) => {
      const embedder = this.embedder;
      const pending = await resolvePending(inputs, { claimed, embedder, qInit: this.config.qInit });
      const now = this.#now().getTime();
      const context = { config: this.config, now, merge, emit };
      return pending.map((memory, i) =>
        decideAdd(this.#store.state, { ...memory, ...inputs[i]!.carried }, context)
      );
    });
  }

  get #entries(): ReadonlyMap<string, Entry> {
    return this.#store.state.entries;
  }

  /**
   * Fits statistics on every intent (frozen idf: a new space id per fit), embeds all intents in
   * the new space outside the lock, then switches under it — unless another process refitted
   * first, whose fit is kept.
   */
  async #refit(onProgress?: Progress): Promise<number> {
    const before = this.space;
    const entries = [...this.#entries.values()].sort((a, b) => a.ordinal - b.ordinal);
    const texts = entries.map((e) => e.intent);
    const statistics = fitTermStatistics(texts);
    const fitted: FittedStatistics = { statistics, documents: texts.length };
    const target = createLocalEmbedder({ dimensions: this.#base.dims, statistics });
    const vectors = await embedAll(target, texts, onProgress);
    const ready = new Map<string, ReadyVector>(
      entries.map((e, i) => [e.id, { intent: e.intent, vector: vectors[i]! }]),
    );
    return await moveToSpace(this.#store, target, ready, (state) => {
      if (this.space !== before) return false;
      state.fitted = fitted;
      state.addsSinceFit = 0;
      this.#fitted = { from: fitted, embedder: target };
      return true;
    });
  }
}
