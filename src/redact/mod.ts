/**
 * Pass 1 of lshml's sanitiser (DESIGN §6.6, §6.8): removes secrets and personal data from any
 * text before it is stored (cluster examples, memories, logs) or sent anywhere (a team hub).
 * Pure and runtime-neutral: no I/O, Web APIs only.
 *
 * What stays, on purpose (precision matters as much as recall: every kept error line passes
 * through here):
 * - File names, line and column numbers, error codes, HTTP statuses, versions, durations.
 * - Loopback and unspecified addresses (127.0.0.0/8, ::1, 0.0.0.0, ::); every other IP goes,
 *   private ranges included. Host names stay, including reverse-DNS names that spell an address.
 * - Commit SHAs, UUIDs (request ids), digests and base64 payloads — unless a secret word
 *   (`key`, `token`, `secret`, `heroku`, …) stands within 48 characters before them.
 * - The part of a home-directory path after the user's directory
 *   (`/home/alice/app/a.ts` → `[REDACTED_PATH]/app/a.ts`), and scheme, host and path of a URL
 *   whose credentials go (`https://[REDACTED_URL_CREDENTIALS]@host/x`).
 * - Keys, header names and auth schemes (`password=[REDACTED_PASSWORD]`,
 *   `Authorization: Bearer [REDACTED_TOKEN]`).
 * - `git@host` in SSH remotes, and `name@2x.png`-style file names.
 *
 * What goes although it is arguably public: Stripe publishable keys (`pk_live_…`) and Twilio
 * account SIDs (they name an account), and e-mail addresses at documentation domains.
 *
 * @example
 * ```ts
 * import { containsSecret, redactSecrets } from "./mod.ts";
 * const clean = redactSecrets("POST https://u:pw@api.example.com failed for ops@example.com").text;
 * // "POST https://[REDACTED_URL_CREDENTIALS]@api.example.com failed for [REDACTED_EMAIL]"
 * containsSecret(clean); // false
 * ```
 *
 * @module
 */
export { redactSecrets } from "./redact_secrets.ts";
export type { RedactOptions, RedactResult } from "./redact_secrets.ts";
export { containsSecret } from "./contains_secret.ts";
export { REDACTION_KINDS } from "./redaction_kind.ts";
export type { RedactionKind } from "./redaction_kind.ts";
