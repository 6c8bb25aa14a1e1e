import { _applyRule, type _Context, _probe, type _Rule } from "./_engine.ts";
import type { RedactionKind } from "./redaction_kind.ts";

/**
 * Each pass replaces raw text with placeholders that no rule matches again, so passes converge;
 * in practice the second pass is the last. The cap only bounds the work on hostile input.
 */
const MAX_PASSES = 4;

/** A pass's result: the text, and the index of the last rule that changed it (-1: none). */
interface _PassResult {
  readonly text: string;
  readonly last: number;
}

/**
 * One pass of the rules over `text`. Rules after `settled` are skipped until some rule of this
 * pass changes the text: in the previous pass they ran on this very text and found nothing.
 */
function _pass(
  text: string,
  rules: readonly _Rule[],
  ctx: _Context,
  found: ReadonlySet<RedactionKind>,
  settled: number,
): _PassResult {
  const probe = _probe(text, found);
  let out = text;
  let last = -1;
  for (let i = 0; i < rules.length; i++) {
    if (i > settled && last < 0) break;
    const rule = rules[i];
    if (rule === undefined || !rule.applies(probe)) continue;
    const next = _applyRule(out, rule, ctx);
    if (next !== out) last = i;
    out = next;
  }
  return { text: out, last };
}

/**
 * A further pass over only the lines the previous pass changed (those holding a placeholder).
 * Every rule reads one line at most, except the private-key blocks, whose markers no
 * placeholder can recreate; if a line break is lost anyway, the whole text is passed again.
 */
function _repass(
  text: string,
  rules: readonly _Rule[],
  ctx: _Context,
  found: ReadonlySet<RedactionKind>,
  settled: number,
): _PassResult {
  const lines = text.split("\n");
  const changed = lines.flatMap((line, i) => line.includes("[REDACTED_") ? [i] : []);
  if (changed.length === lines.length) return _pass(text, rules, ctx, found, settled);
  const subset = changed.map((i) => lines[i] ?? "").join("\n");
  const redone = _pass(subset, rules, ctx, found, settled);
  if (redone.last < 0) return { text, last: -1 };
  const parts = redone.text.split("\n");
  if (parts.length !== changed.length) return _pass(text, rules, ctx, found, rules.length);
  changed.forEach((lineIndex, k) => lines[lineIndex] = parts[k] ?? "");
  return { text: lines.join("\n"), last: redone.last };
}

/**
 * Applies `rules` to `text` until nothing changes. Rules read a little context (the word before
 * a value, the characters around a match) that a later rule may redact, so one pass is not
 * always a fixed point; repeating makes the result idempotent by construction. Text without
 * secrets costs one pass; after that, only changed lines are read again, and only by the rules
 * up to the last one that changed something (the rules after it already saw the final text).
 */
export function _redactToFixpoint(
  text: string,
  rules: readonly _Rule[],
  ctx: _Context,
  found: ReadonlySet<RedactionKind>,
): string {
  let result = _pass(text, rules, ctx, found, rules.length);
  for (let pass = 1; pass < MAX_PASSES && result.last >= 0; pass++) {
    const next = _repass(result.text, rules, ctx, found, result.last);
    if (next.last < 0) break;
    result = next;
  }
  return result.text;
}
