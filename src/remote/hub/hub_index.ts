import type { HubStore, IndexRow } from "./hub_store.ts";
import { SpaceIndex } from "./space_index.ts";

/**
 * This process's in-memory copy of every shared vector, one {@link SpaceIndex} per embedding
 * space, and the database version it reflects: it holds every row with `version ≤ this.version`
 * (see `hub_store.ts` for why that is a complete prefix). Before each search {@link refresh}
 * asks the database for its version and loads only the rows it lacks, so a memory ingested
 * through one hub process is found through every other one by the next search.
 *
 * @example
 * ```ts
 * const index = new HubIndex();
 * await index.refresh(store);
 * index.space("local:hash-ngram:v1:512")?.search(query, 5, 0.15);
 * ```
 */
export class HubIndex {
  #version = 0;
  readonly #spaces = new Map<string, SpaceIndex>();
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  #skipped = 0;

  /** Every row up to this version is loaded. */
  get version(): number {
    return this.#version;
  }

  /** Rows that could not be indexed (a vector whose length disagrees with its space). */
  get skipped(): number {
    return this.#skipped;
  }

  /** The index of `space`, if any memory of it is loaded. */
  space(space: string): SpaceIndex | undefined {
    return this.#spaces.get(space);
  }

  /** Every loaded space with its dimensions and size. */
  spaces(): { space: string; dims: number; memories: number }[] {
    return [...this.#spaces].map(([space, index]) => ({
      space,
      dims: index.dims,
      memories: index.size,
    }));
  }

  /** Number of spaces loaded. */
  get spaceCount(): number {
    return this.#spaces.size;
  }

  /**
   * Adds rows (idempotent) and records that every row up to `upTo` is now loaded. Call it only
   * with a complete prefix: all rows with a version in (this.version, upTo].
   */
  catchUp(rows: readonly IndexRow[], upTo: number): void {
    for (const row of rows) {
      let index = this.#spaces.get(row.space);
      if (!index) {
        index = new SpaceIndex(row.embedding.length);
        this.#spaces.set(row.space, index);
      }
      if (index.dims !== row.embedding.length) {
        this.#skipped++;
        continue;
      }
      index.add(row.id, row.embedding);
    }
    const last = rows.length > 0 ? rows[rows.length - 1]!.version : 0;
    this.#version = Math.max(this.#version, upTo, last);
  }

  /**
   * Loads what the database committed since {@link version}. Concurrent calls share one round
   * trip, but a call never joins a refresh that started before it (it would miss the writes
   * that prompted it): at most one more refresh is queued behind the running one.
   */
  refresh(store: HubStore): Promise<void> {
    if (!this.#running) return this.#start(store);
    const next = () => {
      this.#queued = undefined;
      return this.#start(store);
    };
    this.#queued ??= this.#running.then(next, next);
    return this.#queued;
  }

  #start(store: HubStore): Promise<void> {
    const run: Promise<void> = this.#load(store).finally(() => {
      if (this.#running === run) this.#running = undefined;
    });
    this.#running = run;
    return run;
  }

  async #load(store: HubStore): Promise<void> {
    const version = await store.version();
    if (version <= this.#version) return;
    this.catchUp(await store.rowsSince(this.#version), version);
  }
}
