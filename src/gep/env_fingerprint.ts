import process from "node:process";
import { z } from "zod";

/** Platform words only: letters, digits and `. _ + -`; no spaces, no slashes, so no paths. */
const Word = z.string().regex(/^[A-Za-z0-9._+-]{1,64}$/, "expected a short word (no paths)");

/**
 * Where an evolution ran, coarsely enough to tell "worked on linux/x64 under
 * Deno 2.9" and no more: deliberately no hostname, machine id, user name or
 * path. The schema is strict, so a record with any other field is invalid.
 */
export const EnvFingerprintSchema = z.strictObject({
  /** `linux`, `darwin`, `win32`, … */
  platform: Word,
  /** `x64`, `arm64`, … */
  arch: Word,
  /** `deno`, `node` or `bun`. */
  runtime: Word,
  /** The runtime's version, `2.9.6`. */
  runtime_version: Word,
});

/** See {@link EnvFingerprintSchema}. */
export type EnvFingerprint = z.infer<typeof EnvFingerprintSchema>;

/**
 * The fingerprint of the running process: platform, CPU architecture, runtime
 * and its version (from `node:process`; nothing identifying is read).
 *
 * @example
 * ```ts
 * envFingerprint(); // { platform: "linux", arch: "x64", runtime: "deno", runtime_version: "2.9.6" }
 * ```
 */
export function envFingerprint(): EnvFingerprint {
  const versions = process.versions as Record<string, string | undefined>;
  const [runtime, version] = versions.deno
    ? ["deno", versions.deno]
    : versions.bun
    ? ["bun", versions.bun]
    : ["node", process.version.replace(/^v/, "")];
  return { platform: process.platform, arch: process.arch, runtime, runtime_version: version };
}
