import type { CompiledPattern, ScriptMatcher } from "./_script_matcher.ts";
import { buildGate, type Gate } from "./_gate.ts";

/** The first match of one type in one script. */
export interface RawHit {
  readonly type: number;
  readonly index: number;
  readonly pattern: CompiledPattern;
  readonly match: string;
}

// Masks seen in practice are few (one per role); the bound only guards against a
// caller cycling through every subset of types.
const MAX_CACHED_MASKS = 512;
// Patterns match within one line; on a very long line (minified JSON) the window
// around a literal is cut to this many characters either side.
const MAX_REACH = 512;

/**
 * Finds the first match of every type in `mask` and stores it in `hits` (indexed
 * by type) unless an earlier one is there already.
 *
 * A prefilter scans once for the literals the patterns require (see
 * `_required_factors.ts`); only the lines holding one are examined, and only for
 * the types that literal stands for. A type found is not looked for again, so a
 * type that matches a thousand times costs one step.
 */
export function scanScript(
  matcher: ScriptMatcher,
  text: string,
  lowered: string,
  mask: number,
  hits: (RawHit | undefined)[],
): void {
  const scan: Scan = { matcher, text, hits, remaining: mask };
  const everywhere = mask & matcher.ungated;
  if (everywhere !== 0) scan.remaining &= ~lookFrom(scan, 0, everywhere);
  const gate = gateFor(matcher, scan.remaining);
  if (gate === null) return;
  // Lower-casing keeps positions unless a character expands (İ → i̇); then the
  // case-insensitive scan runs on the text itself.
  const sameLength = lowered.length === text.length;
  const re = sameLength ? gate.re : gate.folded;
  const scanned = sameLength ? lowered : text;
  re.lastIndex = 0;
  let winStart = 0;
  let winEnd = -1;
  let winTypes = 0;
  for (let m = re.exec(scanned); m !== null; m = re.exec(scanned)) {
    const at = m.index;
    re.lastIndex = at + 1; // literals may overlap; every start position counts
    const key = sameLength ? m[0] : m[0].toLowerCase();
    const types = (gate.masks.get(key) ?? scan.remaining) & scan.remaining;
    if (types === 0) continue;
    const end = at + m[0].length;
    if (at < winEnd) {
      winTypes |= types;
      if (end > winEnd) winEnd = lineEnd(text, end);
      continue;
    }
    if (winTypes !== 0) scan.remaining &= ~lookInWindow(scan, winStart, winEnd, winTypes);
    if (scan.remaining === 0) return;
    [winStart, winEnd, winTypes] = [
      lineStart(text, at),
      lineEnd(text, end),
      types & scan.remaining,
    ];
  }
  if (winTypes !== 0) lookInWindow(scan, winStart, winEnd, winTypes & scan.remaining);
}

interface Scan {
  readonly matcher: ScriptMatcher;
  readonly text: string;
  readonly hits: (RawHit | undefined)[];
  remaining: number;
}

/** Looks for `types` in `text[start, end)`; returns the types found. */
function lookInWindow(scan: Scan, start: number, end: number, types: number): number {
  const { text } = scan;
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  return lookIn(scan, slice, start, 0, types);
}

/** Looks for `types` from `start` to the end of the text. */
function lookFrom(scan: Scan, start: number, types: number): number {
  return lookIn(scan, scan.text, 0, start, types);
}

/**
 * Runs the expression of each type in `types` on `text` (which sits at `offset`
 * in the caller's text) from `from`; records first matches and returns the types
 * found. One expression per type rather than one for all: V8 compiles a very
 * large alternation without its usual optimisations, so several small scans are
 * much faster than one big one.
 */
function lookIn(scan: Scan, text: string, offset: number, from: number, types: number): number {
  const { matcher, hits } = scan;
  let found = 0;
  for (let type = 0; type < matcher.byType.length; type++) {
    const re = matcher.byTypeRe[type];
    if ((types & (1 << type)) === 0 || !re) continue;
    re.lastIndex = from;
    const m = re.exec(text);
    if (m === null) continue;
    const hit = identify(matcher, type, text, m.index, offset) ??
      fallbackHit(matcher, type, m, offset);
    const previous = hits[type];
    if (hit !== undefined && (previous === undefined || previous.index > hit.index)) {
      hits[type] = hit;
    }
    found |= 1 << type;
  }
  return found;
}

function lineStart(text: string, at: number): number {
  const limit = Math.max(0, at - MAX_REACH);
  for (let i = at - 1; i >= limit; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return limit;
}

function lineEnd(text: string, at: number): number {
  const limit = Math.min(text.length, at + MAX_REACH);
  for (let i = at; i < limit; i++) if (text.charCodeAt(i) === 10) return i;
  return limit;
}

function gateFor(matcher: ScriptMatcher, mask: number): Gate | null {
  const cached = matcher.gates.get(mask);
  if (cached !== undefined) return cached;
  if (matcher.gates.size >= MAX_CACHED_MASKS) matcher.gates.clear();
  const gate = buildGate(matcher.factors.filter((f) => (f.mask & mask) !== 0));
  matcher.gates.set(mask, gate);
  return gate;
}

/** Names the match: the first pattern of the type, in table order, that matches here. */
function identify(
  matcher: ScriptMatcher,
  type: number,
  text: string,
  index: number,
  offset: number,
): RawHit | undefined {
  for (const pattern of matcher.byType[type] ?? []) {
    pattern.sticky.lastIndex = index;
    const m = pattern.sticky.exec(text);
    if (m !== null) return { type, index: offset + index, pattern, match: m[0] };
  }
  return undefined;
}

// Unreachable while the sticky patterns mirror the type's expression; kept so a
// mismatch degrades to an unnamed-but-correct hit rather than a lost one.
function fallbackHit(
  matcher: ScriptMatcher,
  type: number,
  found: RegExpExecArray,
  offset: number,
): RawHit | undefined {
  const pattern = matcher.byType[type]?.[0];
  return pattern && { type, index: offset + found.index, pattern, match: found[0] };
}
