import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** Where a home keeps the dashboard's token (mode 0600). */
export function tokenPath(homeDir: string): string {
  return join(homeDir, "memory", "dashboard-token");
}

/** 32 random bytes, base64url: 256 bits, safe in a URL and a cookie. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** What {@link loadOrCreateToken} did. */
export interface TokenFile {
  readonly token: string;
  readonly path: string;
  /** True when the token was generated now: the only time it is shown. */
  readonly created: boolean;
  /** Set when the file was readable by others and has been narrowed to 0600. */
  readonly narrowed: boolean;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

/**
 * The dashboard's token for a non-loopback bind: read from `path`, or generated and written there
 * with mode 0600 (created exclusively, so two dashboards starting together agree on one token).
 *
 * @throws {SyntaxError} when the file exists but holds no valid token.
 *
 * @example
 * ```ts
 * const { token, created } = await loadOrCreateToken(tokenPath(home));
 * if (created) console.log(`token (shown once): ${token}`);
 * ```
 */
export async function loadOrCreateToken(path: string): Promise<TokenFile> {
  const existing = await readToken(path);
  if (existing) return existing;
  const token = randomToken();
  await mkdir(dirname(path), { recursive: true });
  // Written whole under a private name, then linked into place: `link` fails if the token file
  // exists, so a dashboard starting at the same moment never reads a half-written token.
  const temp = `${path}.tmp-${randomToken().slice(0, 12)}`;
  await writeFile(temp, `${token}\n`, { mode: 0o600 });
  try {
    await chmod(temp, 0o600); // the umask may have narrowed it further; never wider
    await link(temp, path);
  } catch (error) {
    const raced = (error as NodeJS.ErrnoException).code === "EEXIST" && await readToken(path);
    if (raced) return raced;
    throw error;
  } finally {
    await unlink(temp);
  }
  return { token, path, created: true, narrowed: false };
}

async function readToken(path: string): Promise<TokenFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const token = text.trim();
  if (!TOKEN_PATTERN.test(token)) {
    throw new SyntaxError(
      `${path} does not hold a dashboard token; delete it and start the dashboard again`,
    );
  }
  const mode = (await stat(path)).mode & 0o777;
  const narrowed = (mode & 0o077) !== 0;
  if (narrowed) await chmod(path, 0o600);
  return { token, path, created: false, narrowed };
}

/**
 * Compares two secrets in time that depends only on their lengths, so a wrong guess reveals
 * nothing about how much of it was right.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = new TextEncoder().encode(given);
  const b = new TextEncoder().encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i % Math.max(a.length, 1)] ?? 0) ^ (b[i] as number);
  return diff === 0;
}
