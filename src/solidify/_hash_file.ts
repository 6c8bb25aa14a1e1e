import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** Content hashes of one file, read once. */
export interface _FileHashes {
  /** Hex SHA-256 of the bytes. */
  readonly sha256: string;
  /** The git blob id of the raw bytes (no filters), "" if the file changed size while read. */
  readonly oid: string;
  readonly size: number;
}

/**
 * Hashes a file's bytes two ways in one streaming pass: SHA-256 (what the snapshot compares)
 * and the git blob id of the raw bytes (`<format>("blob <size>\0" + bytes)`), which tells
 * whether the object database can give those exact bytes back. Memory stays flat for large
 * files.
 */
export async function _hashFile(
  path: string,
  expectedSize: number,
  objectFormat: "sha1" | "sha256",
): Promise<_FileHashes> {
  const sha256 = createHash("sha256");
  const oid = createHash(objectFormat);
  oid.update(`blob ${expectedSize}\0`);
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Uint8Array;
    size += bytes.length;
    sha256.update(bytes);
    oid.update(bytes);
  }
  return {
    sha256: sha256.digest("hex"),
    oid: size === expectedSize ? oid.digest("hex") : "",
    size,
  };
}

/** Hex SHA-256 of a string or bytes. */
export function _sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
