import { type _Context, _placeholder, _probe, _ruleFinds } from "./_engine.ts";
import { _rulesFor } from "./_rules.ts";
import type { RedactOptions } from "./redact_secrets.ts";

/**
 * True when `redactSecrets(text, options)` would redact anything: the gate before text leaves
 * the machine (a summariser's output, a hub upload). Cheaper than redacting: nothing is copied,
 * and it stops at the first secret. Placeholders themselves are not secrets, so redacted text
 * passes. Fails closed: text that cannot be scanned counts as containing a secret.
 *
 * @example
 * ```ts
 * import { containsSecret } from "./mod.ts";
 * containsSecret("retry after HTTP 429 in 2000ms"); // false
 * containsSecret("curl -H 'Authorization: Bearer abc123def456ghi789'"); // true
 * containsSecret("Authorization: Bearer [REDACTED_TOKEN]"); // false
 * ```
 */
export function containsSecret(text: string, options: RedactOptions = {}): boolean {
  const ctx: _Context = { mark: _placeholder };
  try {
    const input = typeof text === "string" ? text : String(text ?? "");
    const probe = _probe(input);
    for (const rule of _rulesFor(options.homeDirs)) {
      if (rule.applies(probe) && _ruleFinds(input, rule, ctx)) return true;
    }
    return false;
  } catch (_error) {
    // Fail closed, like redactSecrets: unscannable text is not cleared for sending.
    return true;
  }
}
