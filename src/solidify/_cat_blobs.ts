import { _git } from "./_git.ts";
import { SolidifyError } from "./solidify_error.ts";

/**
 * Raw bytes of blobs from the object database, in one `git cat-file --batch` call (no
 * filters: exactly the bytes whose hash is the id).
 *
 * @throws {SolidifyError} `ROLLBACK_INCOMPLETE` when an object is missing (pruned).
 */
export async function _catBlobs(
  root: string,
  oids: readonly string[],
): Promise<Map<string, Uint8Array>> {
  const blobs = new Map<string, Uint8Array>();
  const unique = [...new Set(oids)];
  if (unique.length === 0) return blobs;
  const { stdout } = await _git(root, ["cat-file", "--batch"], { input: unique.join("\n") + "\n" });
  let at = 0;
  for (const oid of unique) {
    const newline = stdout.indexOf(0x0a, at);
    const header = new TextDecoder().decode(stdout.subarray(at, newline));
    const [found = "", type = "", size = ""] = header.split(" ");
    if (found !== oid || type !== "blob") {
      throw new SolidifyError(
        "ROLLBACK_INCOMPLETE",
        `git object ${oid} is gone (${header}); the files it held cannot be restored from git`,
      );
    }
    const start = newline + 1;
    blobs.set(oid, stdout.slice(start, start + Number(size)));
    at = start + Number(size) + 1;
  }
  return blobs;
}
