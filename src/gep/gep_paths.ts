import { dataFilePath } from "../store/mod.ts";

/** Absolute paths of a home's GEP files. */
export interface GepPaths {
  /** `assets/gep/genes.json`: the home's own genes, merged over the built-in library. */
  readonly genes: string;
  /** `assets/gep/capsules.json`: successful evolutions. */
  readonly capsules: string;
  /** `assets/gep/events.jsonl`: the append-only event chain. */
  readonly events: string;
}

/**
 * Where a home keeps its GEP assets (DESIGN §4).
 *
 * @example
 * ```ts
 * gepPaths("/home/me/.lshml").events; // "/home/me/.lshml/assets/gep/events.jsonl"
 * ```
 */
export function gepPaths(home: string): GepPaths {
  return {
    genes: dataFilePath(home, "genes"),
    capsules: dataFilePath(home, "capsules"),
    events: dataFilePath(home, "events"),
  };
}
