import { join } from "node:path";

/** How a data file is stored. */
export type DataFileKind = "json" | "jsonl";

/** One file of the home directory (DESIGN §4; the seeds' names). */
export interface DataFile {
  readonly id: DataFileId;
  /** Path relative to the home directory. */
  readonly relPath: string;
  readonly kind: DataFileKind;
  readonly purpose: string;
}

/** Stable names for the data files, for code that needs one of them. */
export type DataFileId =
  | "feedback"
  | "embeddingsCache"
  | "knowledge"
  | "predictor"
  | "clusterRegistry"
  | "episodicMemory"
  | "state"
  | "genes"
  | "capsules"
  | "events";

/** Every data file lshml keeps, in the order `lshml doctor` lists them. */
export const DATA_FILES: readonly DataFile[] = [
  {
    id: "feedback",
    relPath: "memory/feedback.jsonl",
    kind: "jsonl",
    purpose: "fix outcome events (append-only)",
  },
  {
    id: "embeddingsCache",
    relPath: "memory/embeddings-cache.json",
    kind: "json",
    purpose: "cached embedding vectors",
  },
  {
    id: "knowledge",
    relPath: "memory/knowledge.json",
    kind: "json",
    purpose: "persistent lessons (no decay)",
  },
  {
    id: "predictor",
    relPath: "memory/predictor.json",
    kind: "json",
    purpose: "k-NN predictor training set",
  },
  {
    id: "clusterRegistry",
    relPath: "memory/cluster-registry.json",
    kind: "json",
    purpose: "error cluster map",
  },
  {
    id: "episodicMemory",
    relPath: "memory/episodic-memory.json",
    kind: "json",
    purpose: "MemRL episodic memories",
  },
  {
    id: "state",
    relPath: "memory/state.json",
    kind: "json",
    purpose: "scan offsets, cycle counter, active fixes",
  },
  {
    id: "genes",
    relPath: "assets/gep/genes.json",
    kind: "json",
    purpose: "genes: reusable fix strategies",
  },
  {
    id: "capsules",
    relPath: "assets/gep/capsules.json",
    kind: "json",
    purpose: "capsules: successful evolutions",
  },
  {
    id: "events",
    relPath: "assets/gep/events.jsonl",
    kind: "jsonl",
    purpose: "evolution events (append-only audit trail)",
  },
];

/** Directories under the home that lshml writes to. */
export const WRITABLE_DIRS: readonly string[] = ["memory", "assets/gep"];

/**
 * Absolute path of a data file.
 *
 * @example
 * ```ts
 * dataFilePath("/home/me/.lshml", "knowledge"); // "/home/me/.lshml/memory/knowledge.json"
 * ```
 */
export function dataFilePath(homeDir: string, id: DataFileId): string {
  const file = DATA_FILES.find((f) => f.id === id);
  if (!file) throw new RangeError(`unknown data file ${id}`);
  return join(homeDir, file.relPath);
}
