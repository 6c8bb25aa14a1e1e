/**
 * Every kind of secret or personal datum the sanitiser removes, in the order the placeholders are
 * documented. Each becomes the placeholder `[REDACTED_<KIND>]`.
 *
 * - `API_KEY`: vendor API keys (OpenAI, Anthropic, Google, AWS access key ids, Stripe, SendGrid,
 *   Mailgun, Twilio SIDs, Heroku, Datadog, …) and `api_key=` style assignments.
 * - `TOKEN`: access, bot, OAuth and bearer tokens (GitHub, GitLab, Slack, npm, PyPI, Hugging Face,
 *   Discord, Telegram, DigitalOcean, Shopify, Google refresh/access tokens, `token=`, signatures).
 * - `SECRET`: the secret half of a credential (AWS secret access keys, OAuth client secrets,
 *   `secret=`), and high-entropy strings that follow a secret-ish word.
 * - `PASSWORD`: passwords in assignments, YAML, JSON, CLI flags and CJK (`密码：…`) contexts.
 * - `PRIVATE_KEY`: PEM/OpenSSH/PGP private key blocks, `private_key` fields, age secret keys.
 * - `JWT`: JSON Web Tokens (`eyJ….eyJ….…`).
 * - `BASIC_AUTH`: the credentials of an HTTP `Basic` authorization.
 * - `COOKIE`: cookie values and session ids.
 * - `WEBHOOK_URL`: the secret path of Slack and Discord webhook URLs (the host is kept).
 * - `URL_CREDENTIALS`: `user:password@` in a URL (scheme, host and path are kept).
 * - `CONNECTION_STRING`: credentials of database URLs and whole Azure connection strings.
 * - `EMAIL`, `PHONE`, `IP`, `MAC`, `CARD` (Luhn-checked), `SSN` (US, in context),
 *   `NATIONAL_ID` (Chinese resident id with a valid check digit), `PATH` (home directories).
 * - `UNSCANNABLE`: the whole text, when it could not be scanned at all (the only known cause is
 *   an input so large that the redacted copy would exceed the engine's maximum string length);
 *   the sanitiser fails closed.
 *
 * @example
 * ```ts
 * import { REDACTION_KINDS } from "./mod.ts";
 * REDACTION_KINDS.includes("EMAIL"); // true
 * ```
 */
export const REDACTION_KINDS = [
  "API_KEY",
  "TOKEN",
  "SECRET",
  "PASSWORD",
  "PRIVATE_KEY",
  "JWT",
  "BASIC_AUTH",
  "COOKIE",
  "WEBHOOK_URL",
  "URL_CREDENTIALS",
  "CONNECTION_STRING",
  "EMAIL",
  "PHONE",
  "IP",
  "MAC",
  "CARD",
  "SSN",
  "NATIONAL_ID",
  "PATH",
  "UNSCANNABLE",
] as const;

/**
 * One kind of redacted datum; the placeholder for it is `[REDACTED_<kind>]`.
 *
 * @example
 * ```ts
 * import type { RedactionKind } from "./mod.ts";
 * const kind: RedactionKind = "API_KEY"; // rendered as "[REDACTED_API_KEY]"
 * ```
 */
export type RedactionKind = typeof REDACTION_KINDS[number];
