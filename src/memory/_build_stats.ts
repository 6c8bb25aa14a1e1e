import type { MemoryState } from "./_memory_state.ts";
import type { MemoryStore } from "./_memory_store.ts";
import { countFresh, type MemoryStats, qHistogram } from "./memory_stats.ts";

/** Assembles `stats()` from the state, the store's files and what is due. */
export function buildStats(
  state: MemoryState,
  store: MemoryStore,
  options: { readonly space: string; readonly refitDue: boolean },
): MemoryStats {
  const spaces: Record<string, number> = {};
  for (const [space, index] of state.spaces()) spaces[space] = index.size;
  const entries = [...state.entries.values()];
  const remote = entries.filter((e) => e.origin === "remote").length;
  const files = store.files;
  return {
    count: state.size,
    space: options.space,
    spaces,
    q: qHistogram(entries.map((e) => e.q)),
    fresh: countFresh(entries),
    origins: { local: entries.length - remote, remote },
    statistics: state.fitted === null
      ? null
      : { documents: state.fitted.documents, addsSinceFit: state.addsSinceFit },
    files: {
      generation: files.generation,
      logBytes: files.logBytes,
      logLines: files.logOps,
      snapshotBytes: files.snapshotBytes,
      skippedLogLines: files.invalidOps,
    },
    due: {
      refit: options.refitDue,
      reembed: state.size - (spaces[options.space] ?? 0),
      compaction: store.compactionDue(),
    },
  };
}
