import { redactSecrets } from "../redact/mod.ts";
import { stripOpenClawMetadata } from "./strip_openclaw_metadata.ts";
import { _INVISIBLE } from "./_invisible.ts";

/** Options for {@link sanitizeText}. */
export interface SanitizeOptions {
  /** Longest result, in characters; longer text is cut and ends with "…". */
  readonly maxChars: number;
  /** Extra home directories to hide (see `redactSecrets`). */
  readonly homeDirs?: readonly string[];
}

/**
 * Pass 1 of the sanitiser (DESIGN §6.6): OpenClaw's conversation metadata, ids and sender tags
 * out (`stripOpenClawMetadata`), then secrets and personal data → `[REDACTED_*]`
 * (`redactSecrets`), invisible characters out, then cut to `maxChars`. Everything lshml keeps
 * about a conversation — session state on disk, reward inputs, summaries, memories — goes
 * through it. Idempotent.
 *
 * @example
 * ```ts
 * sanitizeText("[Sat 2026-11-21 10:58 UTC] deploy with token=abc123def456ghi", { maxChars: 200 });
 * // "deploy with token=[REDACTED_TOKEN]"
 * ```
 */
export function sanitizeText(text: string, options: SanitizeOptions): string {
  const stripped = stripOpenClawMetadata(text.replace(_INVISIBLE, ""));
  const redacted = redactSecrets(
    stripped,
    options.homeDirs ? { homeDirs: options.homeDirs } : {},
  ).text.trim();
  if (redacted.length <= options.maxChars) return redacted;
  return `${redacted.slice(0, Math.max(0, options.maxChars - 1))}…`;
}
