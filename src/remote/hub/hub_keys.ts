import { createHash } from "node:crypto";

/** A new client's credentials: the public id and the secret bearer key (shown once). */
export interface NewClientKey {
  /** `rk_` + 24 hex digits: names the contributor on the leaderboard; grants nothing. */
  readonly requestKeyId: string;
  /** `lshk_` + 43 base64url characters: 256 random bits, the bearer secret. */
  readonly key: string;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");
}

/**
 * Draws a new request key id and bearer key from `random` (crypto-strong by default).
 *
 * @example
 * ```ts
 * const { requestKeyId, key } = newClientKey();
 * // "rk_3f9c…", "lshk_Q2x…"
 * ```
 */
export function newClientKey(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): NewClientKey {
  return { requestKeyId: `rk_${hex(random(12))}`, key: `lshk_${base64url(random(32))}` };
}

/**
 * SHA-256 of a bearer key, hex: what the hub stores instead of the key. A plain hash is enough
 * because keys carry 256 random bits: there is nothing to guess, only to leak.
 */
export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** A new memory id: `m_` + 24 hex digits. */
export function newMemoryId(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  return `m_${hex(random(12))}`;
}
