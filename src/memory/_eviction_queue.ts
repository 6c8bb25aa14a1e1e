import type { Entry } from "./_entry.ts";
import { type EvictionOptions, lowestValued, selectEvictions } from "./select_evictions.ts";

/**
 * Share of maxEntries valued in one scan: at 100k memories one O(n) scan serves the next ~1,000
 * evictions instead of one, which keeps an add at the limit far under 10 ms.
 */
const QUEUE_SHARE = 0.01;
/**
 * A scan older than this is redone: values drift with recency (half-life 14 days), so an hour
 * changes them by under 0.2% of the recency weight.
 */
const QUEUE_MAX_AGE_MS = 3600_000;

/**
 * The next memories retention would evict, valued in one scan and then handed out in order.
 * A queued memory stays a valid choice while it is stored and its value inputs are unchanged
 * since the scan (a selection, reward or merge changes them, and it is then skipped), because
 * the fresh quota never protects it again (see `isProtected`: protection only ends). Other memories
 * drift in value only through recency, so the queue is rebuilt when empty or an hour old. A
 * cache of one process's state: the chosen ids are written into the log, so every process
 * replays the same evictions.
 */
export class EvictionQueue {
  #queue: { readonly id: string; readonly inputs: string }[] = [];
  #next = 0;
  #builtAt = -Infinity;

  /** `count` ids to evict from `entries` plus `incoming` (the memory being added). */
  take(
    entries: ReadonlyMap<string, Entry>,
    incoming: Entry,
    count: number,
    options: EvictionOptions,
  ): string[] {
    const all = {
      *[Symbol.iterator]() {
        yield* entries.values();
        yield incoming;
      },
    };
    if (options.now - this.#builtAt > QUEUE_MAX_AGE_MS) this.#queue = [];
    const chosen = this.#pop(entries, count);
    if (chosen.length < count) {
      const size = Math.max(count, Math.ceil(QUEUE_SHARE * options.maxEntries));
      const open = lowestValued(all, size + chosen.length, options).open
        .filter((e) => !chosen.includes(e.id));
      this.#queue = open.map((e) => ({ id: e.id, inputs: valueInputs(e) }));
      this.#next = 0;
      this.#builtAt = options.now;
      chosen.push(...this.#pop(entries, count - chosen.length));
    }
    if (chosen.length < count) {
      const rest = selectEvictions(all, count, options).filter((id) => !chosen.includes(id));
      chosen.push(...rest.slice(0, count - chosen.length));
    }
    return chosen;
  }

  #pop(entries: ReadonlyMap<string, Entry>, count: number): string[] {
    const out: string[] = [];
    while (out.length < count && this.#next < this.#queue.length) {
      const { id, inputs } = this.#queue[this.#next++]!;
      const entry = entries.get(id);
      if (entry !== undefined && valueInputs(entry) === inputs) out.push(id);
    }
    return out;
  }
}

/** What a memory's retention value depends on, besides the time. */
function valueInputs(e: Entry): string {
  return `${e.q},${e.visits},${e.selectedCount},${e.successCount},${e.failureCount},${e.lastUsedAt}`;
}
