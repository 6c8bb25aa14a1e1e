import { chmod, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../../store/mod.ts";
import { HubKeySchema, RequestKeyIdSchema } from "../wire.ts";

/** Where a home keeps its hub credentials, relative to the home. */
export const REMOTE_KEY_FILE = join("memory", "remote-key.json");

/** The credentials file: which hub, the public request key id and the secret bearer key. */
export const RemoteIdentitySchema = z.object({
  version: z.literal(1),
  base_url: z.string(),
  request_key_id: RequestKeyIdSchema,
  key: HubKeySchema,
  registered_at: z.string(),
});
/** A home's registration with one hub. */
export type RemoteIdentity = z.infer<typeof RemoteIdentitySchema>;

/** Permission bits of the key file: owner read/write only. */
const KEY_FILE_MODE = 0o600;

/**
 * Reads the key file. Returns `undefined` when it does not exist; a file that does not parse
 * is treated as absent (the caller registers again and replaces it). A file readable by others
 * is narrowed back to 0600 and `warn` is told.
 *
 * @example
 * ```ts
 * const identity = await readKeyFile(join(home, REMOTE_KEY_FILE), console.warn);
 * ```
 */
export async function readKeyFile(
  path: string,
  warn: (line: string) => void = () => undefined,
): Promise<RemoteIdentity | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return undefined;
    throw error;
  }
  const mode = (await stat(path)).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    await chmod(path, KEY_FILE_MODE);
    warn(`lshml: ${path} was readable by others (mode ${mode.toString(8)}); set it to 600`);
  }
  try {
    return RemoteIdentitySchema.parse(JSON.parse(text));
  } catch (_error) {
    warn(`lshml: ${path} is not a valid hub key file; registering again`);
    return undefined;
  }
}

/**
 * Writes the key file atomically with mode 0600 (created that way: the key is never on disk
 * with wider permissions, not even for an instant).
 */
export async function writeKeyFile(path: string, identity: RemoteIdentity): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(identity, null, 2)}\n`, { mode: KEY_FILE_MODE });
  // The umask can only remove bits; this makes the mode exact whatever it is.
  await chmod(path, KEY_FILE_MODE);
}
