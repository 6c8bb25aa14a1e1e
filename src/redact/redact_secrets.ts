import { type _Context, _placeholder } from "./_engine.ts";
import { _redactToFixpoint } from "./_fixpoint.ts";
import { _rulesFor } from "./_rules.ts";
import type { RedactionKind } from "./redaction_kind.ts";

/**
 * Options for {@link redactSecrets} and `containsSecret`.
 *
 * @example
 * ```ts
 * import { redactSecrets } from "./mod.ts";
 * redactSecrets("open /srv/people/alice/notes.md", { homeDirs: ["/srv/people/alice"] }).text;
 * // "open [REDACTED_PATH]/notes.md"
 * ```
 */
export interface RedactOptions {
  /**
   * Extra home directories to hide (e.g. the OS user's home when it is not under `/home`,
   * `/Users` or `C:\Users`). Each becomes `[REDACTED_PATH]` where a path component ends.
   */
  readonly homeDirs?: readonly string[];
}

/**
 * What {@link redactSecrets} returns.
 *
 * @example
 * ```ts
 * import { redactSecrets } from "./mod.ts";
 * const result = redactSecrets("token=abc123def456 from 203.0.113.7");
 * // { text: "token=[REDACTED_TOKEN] from [REDACTED_IP]", found: ["IP", "TOKEN"] }
 * ```
 */
export interface RedactResult {
  /** The text with every secret replaced by `[REDACTED_<KIND>]`. */
  readonly text: string;
  /** Each kind that was redacted, once, in the order the rules found them. */
  readonly found: readonly RedactionKind[];
}

/**
 * Pass 1 of lshml's sanitiser (DESIGN §6.6): replaces secrets and personal data in `text` with
 * typed placeholders `[REDACTED_<KIND>]` before anything is stored or shared. Ordinary error text
 * survives: file names, error codes, line numbers, HTTP statuses, versions, durations, commit
 * SHAs, UUIDs and loopback addresses are kept. Home-directory paths keep everything after the
 * user's directory (`/home/alice/app/a.ts` → `[REDACTED_PATH]/app/a.ts`); URLs keep scheme,
 * host and path (`https://[REDACTED_URL_CREDENTIALS]@host/x`); headers and assignments keep
 * their key (`password=[REDACTED_PASSWORD]`).
 *
 * Pure, synchronous and linear in the input: each rule is one regular-expression scan with no
 * ambiguous nested repetition, skipped when a cheap substring prefilter says it cannot match.
 * Idempotent by construction: rules read a little context (the word before a value, the line
 * around it) that a later rule may redact, so the lines a pass changed are passed again until
 * they stop changing. Never throws: if the text cannot be scanned at all it fails closed and
 * returns `[REDACTED_UNSCANNABLE]`.
 *
 * @example
 * ```ts
 * import { redactSecrets } from "./mod.ts";
 * const { text, found } = redactSecrets(
 *   "ENOENT: open '/home/alice/app/config.yaml' (user bob@example.com, password=hunter2)",
 * );
 * // text:  "ENOENT: open '[REDACTED_PATH]/app/config.yaml' (user [REDACTED_EMAIL],
 * //         password=[REDACTED_PASSWORD])"
 * // found: ["PATH", "PASSWORD", "EMAIL"]
 * ```
 */
export function redactSecrets(text: string, options: RedactOptions = {}): RedactResult {
  const found = new Set<RedactionKind>();
  const ctx: _Context = {
    mark(kind) {
      found.add(kind);
      return _placeholder(kind);
    },
  };
  try {
    const input = typeof text === "string" ? text : String(text ?? "");
    const out = _redactToFixpoint(input, _rulesFor(options.homeDirs), ctx, found);
    return { text: out, found: [...found] };
  } catch (_error) {
    // Fail closed: the only known cause is a result longer than the engine's string limit, and
    // returning the input unscanned could leak what the caller asked to hide.
    return { text: _placeholder("UNSCANNABLE"), found: ["UNSCANNABLE"] };
  }
}
