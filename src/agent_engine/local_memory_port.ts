import type { MemoryCandidate, MemoryPort } from "../agent/mod.ts";
import type { EpisodicMemory } from "../memory/mod.ts";
import type { MemoryEmbedder } from "./memory_embedder.ts";

/** Options of {@link localMemoryPort}. */
export interface LocalMemoryPortOptions {
  readonly memory: EpisodicMemory;
  /** The agent path's embedder over `memory` (see `memoryEmbedder`). */
  readonly embedder: MemoryEmbedder;
  /** One line per maintenance run that did something, or failed. */
  readonly log: (line: string) => void;
}

/** The agent path's memory port over this home's episodic memory, plus its upkeep. */
export interface LocalMemoryPort extends MemoryPort {
  /** Resolves when the maintenance started so far (refit, re-embed, compaction) is done. */
  idle(): Promise<void>;
}

const withQ = (c: MemoryCandidate) => ({ ...c, q: c.q ?? c.memory?.q ?? c.record?.q ?? 0 });

/**
 * Adapts {@link EpisodicMemory} to the agent path's `MemoryPort`:
 * - recall first applies what other processes wrote (the CLI's `memory forget`, the dashboard,
 *   another engine: two `stat` calls when nothing changed), then searches the space the query
 *   vector was made in;
 * - after each write, the memory's maintenance (statistics refit, re-embedding, log compaction)
 *   runs in the background, one run at a time, never on a hook's path.
 *
 * @example
 * ```ts
 * const port = localMemoryPort({ memory, embedder: memoryEmbedder(memory), log });
 * const host = createAgentHost({ memory: port, embedder, … });
 * ```
 */
export function localMemoryPort(options: LocalMemoryPortOptions): LocalMemoryPort {
  const { memory, embedder, log } = options;
  let upkeep: Promise<void> = Promise.resolve();
  let queued = false;

  const maintain = () => {
    if (queued) return; // one more run after the current one covers every write so far
    queued = true;
    upkeep = upkeep.then(async () => {
      queued = false;
      try {
        const done = await memory.maintain();
        if (done.refitted || done.reembedded > 0) {
          log(
            `[lshml] memory maintenance refitted=${done.refitted} reembedded=${done.reembedded} ` +
              `space=${done.space}`,
          );
        }
      } catch (error) {
        log(`[lshml] memory maintenance failed: ${(error as Error).message}`);
      }
    });
  };

  return {
    async recall(vector, { delta, k1 }) {
      await memory.refresh();
      const space = embedder.spaceOf(vector) ?? memory.space;
      return memory.recall(vector, { delta, k1, space });
    },
    rank: (candidates, rankOptions) => memory.rank(candidates.map(withQ), rankOptions),
    updateQ: (ids, reward) => memory.updateQ(ids, reward),
    markSelected: (ids) => memory.markSelected(ids),
    async add(input) {
      const space = embedder.spaceOf(input.vector) ?? input.space;
      const result = await memory.add({ ...input, space });
      maintain();
      return result;
    },
    stats: () => ({ count: memory.stats().count }),
    idle: async () => {
      await upkeep;
    },
  };
}
