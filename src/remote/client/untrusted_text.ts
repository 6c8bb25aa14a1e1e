import { redactSecrets } from "../../redact/mod.ts";

/** What was found in a remote text (the text is untrusted either way). */
export type UntrustedFlag =
  /** Looked like HTML or script: `<script>`, `<img onerror=…>`, `javascript:`. */
  | "markup"
  /** Had control, bidirectional-override or zero-width characters (removed). */
  | "control_chars"
  /** Held a secret or personal datum (redacted before it reached this machine's prompts). */
  | "redacted"
  /** Was longer than the cap (cut). */
  | "truncated";

/** A remote text made safe to carry, and what was done to it. */
export interface UntrustedText {
  readonly text: string;
  readonly flags: readonly UntrustedFlag[];
}

// Control characters other than tab and newline, C1 controls, bidi embeddings/overrides and
// isolates, zero-width characters and the BOM: they can hide or reorder text a person reviews.
const HIDDEN =
  // deno-lint-ignore no-control-regex -- matching control characters is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|javascript\s*:|\bon[a-z]+\s*=/i;

/**
 * Cleans a text that came from a hub, before it goes anywhere near a prompt: removes hidden
 * characters, redacts any secret (a hub may hold text from a client that did not redact), cuts
 * it to `maxChars`, and flags markup. It does NOT escape: the text stays data, and whoever
 * injects it escapes it and marks it untrusted (DESIGN §6.6). Never throws.
 *
 * @example
 * ```ts
 * cleanUntrustedText("<script>alert(1)</script> use --retry", 2000);
 * // { text: "<script>alert(1)</script> use --retry", flags: ["markup"] }
 * ```
 */
export function cleanUntrustedText(text: string, maxChars: number): UntrustedText {
  const flags: UntrustedFlag[] = [];
  // Bound the work on a hostile answer first; redaction below sees enough context either way.
  const bounded = text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text;
  let out = bounded.replace(/\r\n?|\u2028|\u2029/g, "\n");
  const visible = out.replace(HIDDEN, "");
  if (visible !== out) flags.push("control_chars");
  out = visible;
  const redacted = redactSecrets(out);
  if (redacted.found.length > 0) flags.push("redacted");
  out = redacted.text;
  const chars = Array.from(out);
  if (chars.length > maxChars || bounded !== text) {
    out = `${chars.slice(0, Math.max(0, maxChars - 1)).join("")}…`;
    flags.push("truncated");
  }
  if (MARKUP.test(out)) flags.push("markup");
  return { text: out, flags };
}
