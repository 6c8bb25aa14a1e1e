import { dirname, join } from "node:path";
import { dataFilePath } from "../store/mod.ts";

/** The files of one home's episodic memory. */
export interface StorePaths {
  readonly dir: string;
  /** `memory/episodic-memory.json`: the metadata snapshot (DESIGN §4's name). */
  readonly meta: string;
  /** The cross-process lock every writer holds. */
  readonly lock: string;
  /** The binary sidecar of snapshot generation `g`: vectors, sketches, priors and texts. */
  sidecar(generation: number): string;
  /** The operations log written after snapshot generation `g`. */
  log(generation: number): string;
}

/** Names of the generation files, for cleaning up those of other generations. */
export const GENERATION_FILE = /^episodic-memory\.(?:sidecar\.(\d+)\.bin|ops\.(\d+)\.jsonl)$/;
/** Temporary files an atomic write killed mid-way leaves behind. */
export const ORPHAN_TEMP = /^\.episodic-memory\.(?:json|sidecar\.\d+\.bin|ops\.\d+\.jsonl)\.tmp-/;

/**
 * Where the episodic memory of `home` lives: `memory/episodic-memory.json` (metadata),
 * `memory/episodic-memory.sidecar.<g>.bin` (vectors and texts) and
 * `memory/episodic-memory.ops.<g>.jsonl` (operations since snapshot g), locked by
 * `memory/episodic-memory.json.lock`.
 */
export function storePaths(home: string): StorePaths {
  const meta = dataFilePath(home, "episodicMemory");
  const dir = dirname(meta);
  return {
    dir,
    meta,
    lock: `${meta}.lock`,
    sidecar: (generation) => join(dir, `episodic-memory.sidecar.${generation}.bin`),
    log: (generation) => join(dir, `episodic-memory.ops.${generation}.jsonl`),
  };
}
