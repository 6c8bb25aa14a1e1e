import { type ReadOptions, readVersioned } from "../store/mod.ts";
import { CapsulesFile } from "./asset_files.ts";
import type { Capsule } from "./capsule.ts";
import { gepPaths } from "./gep_paths.ts";

/**
 * The home's capsules (`assets/gep/capsules.json`), in file order; none when the
 * file does not exist yet. Shapes are validated by the store (a file that does
 * not match is quarantined); content hashes are checked by {@link verifyAssets}.
 *
 * @example
 * ```ts
 * const proven = (await readCapsules(home)).filter((c) => c.success_streak >= 3);
 * ```
 */
export async function readCapsules(home: string, options: ReadOptions = {}): Promise<Capsule[]> {
  const { value } = await readVersioned(gepPaths(home).capsules, CapsulesFile, options);
  return value.capsules;
}
