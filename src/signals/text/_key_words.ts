// How the prefilter picks, from the literals a pattern requires, the words it
// scans for: rare enough that a hit is worth a closer look, shared enough that
// one word stands for many phrasings. See _required_factors.ts for where the
// literals come from.

/** Marks a `\b` inside a literal (zero-width, so it is removed from the key). */
export const BOUNDARY = "\0";
/** Literals are followed up to this weight — long enough to hold a phrase's rare word. */
export const MAX_WEIGHT = 24;
// The key is one word of a literal, cut to this weight …
const MAX_FACTOR = 10;
// … and at least this heavy (shorter words match almost everywhere).
const MIN_KEY_WEIGHT = 3;
// A literal with no usable word is kept whole up to this many characters ("i can't").
const MAX_PHRASE = 16;
// Words so frequent in prose, code and logs that a scan for them would stop
// everywhere; a phrase's rarer words are used instead.
const COMMON = new Set(
  [
    "a about after again all also an and any are as at back be been before being but by can",
    "can't come could did do does doing don't done down each even every find first for from",
    "get gets getting give go going good got had has have having here high how i if in into",
    "is it it's its just keep know last least less let like long look made make making many",
    "may me more most much must my need never new next no not now of off on once one only or",
    "other our out over own please real really right run running same see seem set should",
    "since so some still such take than that the their them then there these they thing",
    "things this those through time to too try trying two up us use used using very want was",
    "way we well were what when where which while who why will with without work would yet",
    "you your",
    "api build call check code column command config const content current data default",
    "directory error field file files folder function id import export index info input item",
    "items key level list log message method model module name null none number object",
    "option options output package path process read request response result return script",
    "server state status string table test tests text true false type url user users value",
    "write debug warn http https",
  ].join(" ").split(" "),
);
// Words that many types share ("model error", "socket error", "parse failed"): a
// literal whose only rare-ish word is one of these keeps the whole phrase, so that
// an "error" in the text does not send every error type to look.
const GENERIC = new Set(
  ("error errors errored exception exceptions fail fails failed failing failure failures " +
    "invalid missing found timeout").split(" "),
);
// JavaScript's `\b` (without the u flag) knows only ASCII word characters.
const ASCII_WORD = /\w/;
// Han and kana: no spaces to split at, and a character says about as much as four letters.
const HAN = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/** Letters, with Han, kana and emoji counted as four (a Han character is about a word). */
export function weight(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += charWeight(s.charCodeAt(i));
  return w;
}

function charWeight(c: number): number {
  return c === 0 ? 0 : c >= 0x2000 ? 4 : 1;
}

/**
 * Picks, among candidate sets of required literals, the one to scan for, and
 * returns it as keys (see keyWords): prefer heavy keys (rare in text), then ones
 * that start at a word boundary (the scan can skip mid-word positions), then few
 * keys (each is one more alternative in the scan).
 */
export function best(
  candidates: readonly (readonly string[] | undefined)[],
): readonly string[] | undefined {
  let chosen: readonly string[] | undefined;
  let chosenScore = -Infinity;
  for (const candidate of candidates) {
    if (candidate === undefined || candidate.length === 0) continue;
    const set = keyWords(candidate);
    const minWeight = Math.min(...set.map(weight));
    if (minWeight < 2) continue;
    const bounded = set.every((s) => s.startsWith(BOUNDARY));
    const common = set.some((s) => COMMON.has(s.replaceAll(BOUNDARY, "").trim()));
    const score = Math.min(minWeight, 8) * 10 + (bounded ? 15 : 0) - set.length * 0.5 -
      (common ? 40 : 0);
    if (score > chosenScore) [chosen, chosenScore] = [set, score];
  }
  return chosen;
}

/**
 * The key the scan should look for in each literal: one of its space-separated
 * segments (punctuation kept, so `"error":"` and `error:` stay rarer than
 * `error`), preferring the segment shared by the most literals of the set ("no
 * such file", "no such table" → "such"), then the heaviest, skipping COMMON and
 * GENERIC words; Han and kana text offers its character pairs. A key is bounded
 * ("\0" in front) when it starts with a word character after a space or a `\b`.
 * Any substring of a required literal is required too, so no match is lost.
 */
function keyWords(literals: readonly string[]): string[] {
  const segmentsOf = literals.map(segmentsCached);
  const share = new Map<string, number>();
  for (const found of segmentsOf) {
    for (const w of new Set(found.map((f) => f.text))) share.set(w, (share.get(w) ?? 0) + 1);
  }
  const out = new Set<string>();
  literals.forEach((s, i) => {
    let chosen: Segment | undefined;
    let chosenRank = -1;
    for (const f of segmentsOf[i] ?? []) {
      const rank = (share.get(f.text) ?? 0) * 100 + Math.min(weight(f.text), MAX_FACTOR);
      if (rank > chosenRank) [chosen, chosenRank] = [f, rank];
    }
    out.add(chosen ? cutKey((chosen.bounded ? BOUNDARY : "") + chosen.text) : phrase(s));
  });
  return [...out];
}

interface Segment {
  readonly text: string;
  readonly bounded: boolean;
}

// The same literals recur across a pattern's candidate sets; splitting is the
// costly part of the analysis, so it is done once per literal.
const segmentCache = new Map<string, Segment[]>();

function segmentsCached(literal: string): Segment[] {
  let found = segmentCache.get(literal);
  if (found === undefined) segmentCache.set(literal, found = segments(literal));
  return found;
}

function segments(literal: string): Segment[] {
  const found: Segment[] = [];
  // A literal cut at MAX_WEIGHT may end in part of a word; that part is no key.
  const complete = weight(literal) < MAX_WEIGHT;
  const parts = /[^\s\0]+/g;
  for (let m = parts.exec(literal); m !== null; m = parts.exec(literal)) {
    if (HAN.test(m[0])) {
      found.push(...pairs(m[0])); // whole pairs, even where the literal was cut
      continue;
    }
    if (!complete && m.index + m[0].length === literal.length) break;
    const word = m[0].replace(/^\W+|\W+$/g, "");
    if (COMMON.has(word) || GENERIC.has(word) || weight(m[0]) < MIN_KEY_WEIGHT) continue;
    // Leading punctuation is dropped: `"is_error"` is looked for as `is_error"` at a
    // word start, which the scan tests far more cheaply than at every position.
    const text = m[0].replace(/^\W+/, "");
    const wordStart = ASCII_WORD.test(text[0] ?? "");
    const bounded = wordStart && (text.length < m[0].length || m.index > 0);
    if (text !== "") found.push({ text, bounded });
  }
  return found;
}

// Every pair of adjacent Han or kana characters is a candidate key, so that
// 执行失败, 运行失败, 加载失败 share 失败.
function pairs(segment: string): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i + 1 < segment.length; i++) {
    const pair = segment.slice(i, i + 2);
    if (HAN.test(pair[0] ?? "") && HAN.test(pair[1] ?? "")) {
      out.push({ text: pair, bounded: false });
    }
  }
  return out;
}

/** A literal without a key word, kept whole up to MAX_PHRASE characters ("model error"). */
function phrase(literal: string): string {
  const raw = literal.replaceAll(BOUNDARY, "").trimEnd();
  const text = raw.trimStart();
  // After a space (or a `\b`), a word character starts a word.
  const bounded = ASCII_WORD.test(text[0] ?? "") &&
    (literal.startsWith(BOUNDARY) || text.length < raw.length);
  if (text.length <= MAX_PHRASE) return (bounded ? BOUNDARY : "") + text;
  const space = text.lastIndexOf(" ", MAX_PHRASE);
  return (bounded ? BOUNDARY : "") + text.slice(0, space > 2 ? space : MAX_PHRASE);
}

// Cuts a key to MAX_FACTOR; a phrase of common words ("i can't d…") is cut after
// its last whole word, so that its variants merge.
function cutKey(s: string): string {
  const bounded = s.startsWith(BOUNDARY);
  let text = s.replaceAll(BOUNDARY, "");
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    w += charWeight(text.charCodeAt(i));
    if (w >= MAX_FACTOR) {
      const space = text.lastIndexOf(" ", i);
      text = text.slice(0, space > 2 ? space + 1 : i + 1);
      break;
    }
  }
  return (bounded ? BOUNDARY : "") + text;
}

/** Cuts a literal to MAX_WEIGHT, where it stands for "a match starts with this". */
export function cutLiteral(s: string): string {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    w += charWeight(s.charCodeAt(i));
    if (w >= MAX_WEIGHT) return s.slice(0, i + 1);
  }
  return s;
}
