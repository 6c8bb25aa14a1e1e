import { updateVersioned } from "../store/mod.ts";
import { verifyAssetId } from "./asset_id.ts";
import { CapsulesFile } from "./asset_files.ts";
import type { Capsule } from "./capsule.ts";
import { gepPaths } from "./gep_paths.ts";

/**
 * Adds a capsule to the home's `capsules.json`, or replaces the one with the
 * same `id` (a capsule is re-made, with a new `asset_id`, when its success
 * streak grows). Read-modify-write under the file's lock, written atomically.
 *
 * @throws {TypeError} when the capsule's `asset_id` does not match its content
 * (build capsules with {@link makeCapsule}).
 *
 * @example
 * ```ts
 * await saveCapsule(home, makeCapsule({ ...fields, success_streak: 3 }));
 * ```
 */
export async function saveCapsule(home: string, capsule: Capsule): Promise<void> {
  if (!verifyAssetId(capsule)) {
    throw new TypeError(`refusing to save capsule ${capsule.id}: its asset_id does not verify`);
  }
  await updateVersioned(gepPaths(home).capsules, CapsulesFile, (doc) => {
    const at = doc.capsules.findIndex((c) => c.id === capsule.id);
    const capsules = [...doc.capsules];
    if (at === -1) capsules.push(capsule);
    else capsules[at] = capsule;
    return { ...doc, capsules };
  });
}
