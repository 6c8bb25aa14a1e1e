import { renderMemoryBlock } from "../agent/mod.ts";
import type { Config } from "../config/mod.ts";
import type { Embedder } from "../embed/mod.ts";
import { previewRecall } from "../agent_engine/mod.ts";
import { EpisodicMemory, type ListSort, memoryConfigOf, type MemoryRecord } from "../memory/mod.ts";
import { readdir } from "node:fs/promises";
import { dirname } from "node:path";
import { dataFilePath } from "../store/mod.ts";
import type {
  MemoryItem,
  MemoryOpener,
  MemorySearch,
  MemorySort,
  MemoryStats,
  MemoryView,
} from "./memory_view.ts";

const SORTS: Readonly<Record<MemorySort, ListSort>> = { q: "q", uses: "used", recent: "recent" };

function item(record: MemoryRecord): MemoryItem {
  return {
    id: record.id,
    intent: record.intent,
    experience: record.experience,
    q: record.q,
    visits: record.visits,
    selectedCount: record.selectedCount,
    successCount: record.successCount,
    lastReward: record.lastReward,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

function block(
  memories: readonly { id: string; similarity: number; q: number; experience: string }[],
) {
  return renderMemoryBlock({ memories, fixes: [] }) ?? null;
}

/** The memory's snapshot, or an operations log written before the first snapshot. */
const MEMORY_FILE = /^episodic-memory\.(?:json|ops\.\d+\.jsonl)$/;

async function hasMemoryFiles(home: string): Promise<boolean> {
  try {
    return (await readdir(dirname(dataFilePath(home, "episodicMemory")))).some((name) =>
      MEMORY_FILE.test(name)
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** A home without memories yet: an empty view, and nothing is created on disk. */
function emptyView(maxEntries: number): MemoryView {
  const stats: MemoryStats = {
    count: 0,
    maxEntries,
    meanQ: null,
    qHistogram: [],
    totalSelected: 0,
  };
  return {
    list: () => Promise.resolve([]),
    search: () =>
      Promise.resolve({ hits: [], block: null, reason: "no-candidates", bestSimilarity: null }),
    stats: () => Promise.resolve(stats),
    forget: () => Promise.resolve(false),
    injection: (memory) => block([{ ...memory, similarity: 1 }]) ?? "",
  };
}

function view(memory: EpisodicMemory, config: Config): MemoryView {
  const { retrieval } = config;
  return {
    async list({ sort, limit }) {
      await memory.refresh();
      return memory.list({ sort: SORTS[sort], limit }).map(item);
    },
    async search(query, limit): Promise<MemorySearch> {
      const preview = await previewRecall(memory, query, { retrieval, limit });
      return {
        hits: preview.hits.map((h) => ({
          ...item(h.memory),
          similarity: h.similarity,
          score: h.score,
        })),
        block: preview.block,
        reason: preview.reason,
        bestSimilarity: preview.bestSimilarity,
      };
    },
    async stats() {
      await memory.refresh();
      const stats = memory.stats();
      const records = memory.list({});
      return {
        count: stats.count,
        maxEntries: memory.config.maxEntries,
        meanQ: stats.q.mean,
        qHistogram: stats.q.histogram,
        totalSelected: records.reduce((n, r) => n + r.selectedCount, 0),
      };
    },
    async forget(id) {
      if (!(await memory.forget(id))) return false;
      // Fold the log into a new snapshot: the text is then gone from disk, not only marked removed.
      await memory.compact();
      return true;
    },
    injection: (m) => block([{ ...m, similarity: 1 }]) ?? "",
  };
}

/**
 * Opens the episodic memory of a home for the dashboard (`src/memory`), once per home, and
 * catches up with other processes' writes before each answer. A home with no memory file gets
 * an empty view: looking creates nothing.
 *
 * @example
 * ```ts
 * const memory = episodicMemoryOpener({ embedder, now, config });
 * const view = await memory(home); // a MemoryView
 * ```
 */
export function episodicMemoryOpener(options: {
  readonly embedder: Embedder;
  readonly now: () => Date;
  readonly config: Config;
}): MemoryOpener {
  const { config } = options;
  const opened = new Map<string, Promise<EpisodicMemory>>();
  return async (home) => {
    let memory = opened.get(home);
    if (!memory) {
      if (!(await hasMemoryFiles(home))) {
        return emptyView(config.memory.maxEntries);
      }
      memory = EpisodicMemory.open(home, {
        embedder: options.embedder,
        now: options.now,
        config: memoryConfigOf(config),
      });
      opened.set(home, memory);
      memory.catch(() => opened.delete(home));
    }
    return view(await memory, config);
  };
}
