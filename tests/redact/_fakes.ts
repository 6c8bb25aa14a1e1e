/**
 * Builders for obviously fake, format-valid secrets. Fixtures are assembled at run time from
 * pieces (`"gh" + "p_"`), so no source file holds a whole token for a secret scanner (or GitHub
 * push protection) to flag, and the pseudo-random bodies are seeded, so they never change.
 */

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const HEX = "0123456789abcdef";
export const BASE64 = `${ALNUM}+/`;
export const URL_SAFE = `${ALNUM}-_`;
export const UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** `length` characters from `alphabet`, from a xorshift32 stream seeded with `seed`. */
export function fake(seed: number, length: number, alphabet: string = ALNUM): string {
  let x = (Math.imul(seed + 1, 2654435761) >>> 0) || 1;
  let out = "";
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += alphabet.charAt(x % alphabet.length);
  }
  return out;
}

/** Glues pieces together: the pieces of a fake secret never stand whole in the source. */
export function join(...parts: readonly string[]): string {
  return parts.join("");
}

/** base64url without padding, as JWT segments are written. */
export function base64Url(text: string): string {
  return btoa(text).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

/** A fake JWT: a real header and payload, a random signature. */
export function fakeJwt(seed: number): string {
  const header = base64Url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64Url(JSON.stringify({ sub: "test-only", iat: 0 }));
  return `${header}.${payload}.${fake(seed, 43, URL_SAFE)}`;
}

/** A fake PEM block of `label` ("RSA PRIVATE KEY", …) with `lines` lines of base64 body. */
export function fakePem(seed: number, label: string, lines = 4, eol = "\n"): string {
  const body: string[] = [];
  for (let i = 0; i < lines; i++) body.push(fake(seed + i, 64, BASE64));
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`].join(eol);
}

/** A Chinese resident id for region/birth/sequence `body17`, with its MOD 11-2 check character. */
export function chineseId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17.charAt(i)) * (weights[i] ?? 0);
  return body17 + "10X98765432".charAt(sum % 11);
}
