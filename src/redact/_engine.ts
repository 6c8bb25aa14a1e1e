import { type _Feature, _scanFeatures } from "./_features.ts";
import type { RedactionKind } from "./redaction_kind.ts";

/** Records which kinds a scan redacted and hands out their placeholders. */
export interface _Context {
  /** Records `kind` as found and returns its placeholder, `[REDACTED_<kind>]`. */
  mark(kind: RedactionKind): string;
}

/**
 * What prefilters may look at: the text a pass starts from (its words found by one scan, made
 * only when a rule first asks), and the kinds redacted so far, whose placeholders the entropy
 * rule treats as context (`[REDACTED_TOKEN]` names a token).
 */
export interface _Probe {
  readonly text: string;
  readonly found: ReadonlySet<RedactionKind>;
  /** True when the text holds `feature` (see `_features.ts`); one scan serves every rule. */
  has(feature: _Feature): boolean;
}

/**
 * A replacement for a span that differs from the match: `start` before the match (a part read
 * by a look-behind, so the pattern can start at a rare literal such as `@`) and `end` after it
 * (a rule that looks ahead of its match by hand). Both are offsets into the scanned text.
 */
export interface _Span {
  readonly start?: number;
  readonly end?: number;
  readonly text: string;
}

/**
 * One redaction rule: a global regular expression and a function that decides, per match,
 * what replaces it (a string for the match, a {@link _Span}, or `undefined` to keep it).
 * `applies` is a cheap prefilter on the text a pass starts from: placeholders are bracketed, so
 * they never complete a rule's match (only the entropy rule reads them, and it checks `found`),
 * and a prefilter stays valid while earlier rules rewrite the text.
 */
export interface _Rule {
  readonly name: string;
  readonly applies: (probe: _Probe) => boolean;
  readonly pattern: RegExp;
  readonly redact: (
    match: RegExpExecArray,
    text: string,
    ctx: _Context,
  ) => string | _Span | undefined;
}

/** The placeholder for `kind`. */
export function _placeholder(kind: RedactionKind): string {
  return `[REDACTED_${kind}]`;
}

/** A probe over `text` whose features are scanned once, on first use. */
export function _probe(text: string, found: ReadonlySet<RedactionKind> = new Set()): _Probe {
  let features: ReadonlySet<_Feature> | undefined;
  return { text, found, has: (feature) => (features ??= _scanFeatures(text)).has(feature) };
}

/**
 * Applies one rule to `text` in a single left-to-right scan and returns the rewritten text (the
 * same string when nothing was replaced). A rejected match is skipped whole; rules are written
 * so that a secret never starts inside a rejected match.
 */
export function _applyRule(text: string, rule: _Rule, ctx: _Context): string {
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  let out = "";
  let last = 0;
  let changed = false;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const replacement = rule.redact(m, text, ctx);
    if (replacement !== undefined) {
      const span = typeof replacement === "string" ? { text: replacement } : replacement;
      const start = Math.max(last, span.start ?? m.index);
      const end = Math.max(start, span.end ?? m.index + m[0].length);
      out += text.slice(last, start) + span.text;
      last = end;
      changed = true;
      if (pattern.lastIndex < end) pattern.lastIndex = end;
    }
    if (m[0].length === 0 && pattern.lastIndex === m.index) pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
  return changed ? out + text.slice(last) : text;
}

/** True when the rule would replace at least one match in `text`; stops at the first. */
export function _ruleFinds(text: string, rule: _Rule, ctx: _Context): boolean {
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (rule.redact(m, text, ctx) !== undefined) {
      pattern.lastIndex = 0;
      return true;
    }
    if (m[0].length === 0) pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
  return false;
}
