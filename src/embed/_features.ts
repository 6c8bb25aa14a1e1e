/**
 * Text → hashed lexical features (private to the embedder).
 *
 * Normalisation: Unicode NFKC (full-width Latin and half-width katakana fold to their usual
 * forms), lowercase, curly apostrophes → "'". Then one pass splits the text into runs by script:
 *
 * | run                          | features (class weight)                                    |
 * | ---------------------------- | ---------------------------------------------------------- |
 * | word (Latin, Cyrillic, …)    | stem (1) and, past 5 letters, its 5-letter prefix (0.5)     |
 * | Han (Chinese, kanji)         | character bigrams (1), non-stop characters (0.5), after    |
 * |                              | folding common Traditional characters to Simplified        |
 * | katakana                     | the run as a word (1), character bigrams (0.5)              |
 * | hiragana                     | character bigrams (0.3): mostly grammar, some content      |
 * | emoji / pictograph           | the symbol (1)                                              |
 *
 * Stopwords give no feature. A text with no feature at all falls back to its stopwords, then to
 * its non-space code points, then to one fixed "empty" feature, so no text embeds to zero.
 */
import { fnv1a } from "./_hash.ts";
import { toSimplified } from "./_han_variants.ts";
import { stemEnglish } from "./_stem.ts";
import { ENGLISH_STOPWORDS, HAN_STOP_CHARACTERS } from "./_stopwords.ts";

/**
 * Receives one feature occurrence: its 32-bit hash, the weight of its class and its fixed prior
 * weight (used when no corpus statistics are given).
 */
export type FeatureSink = (hash: number, classWeight: number, prior: number) => void;

/** Hash seeds, one per feature kind, so that e.g. the word "ab" and the bigram "ab" differ. */
const Kind = {
  Word: 1,
  Prefix: 2,
  HanUnigram: 3,
  HanBigram: 4,
  KanaWord: 5,
  KanaBigram: 6,
  HiraganaBigram: 7,
  Symbol: 8,
  Empty: 9,
} as const;
type Kind = typeof Kind[keyof typeof Kind];

/** Prefix length that catches derivations the stemmer misses (promote/promotion/promoting). */
const PREFIX_LENGTH = 5;
const PREFIX_WEIGHT = 0.5;
const HAN_UNIGRAM_WEIGHT = 0.5;
/** Weight of a bigram that contains a function character (的, 了, …). */
const HAN_STOP_BIGRAM_WEIGHT = 0.3;
const KANA_BIGRAM_WEIGHT = 0.5;
const HIRAGANA_BIGRAM_WEIGHT = 0.3;

// v flag: set subtraction keeps CJK out of the generic word class ("abc中文" is two runs).
const RUN =
  /(\p{sc=Han}+)|(\p{sc=Hiragana}+)|([\p{sc=Katakana}\u30fc]+)|(\p{Extended_Pictographic})|([[\p{L}\p{N}]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]][[\p{L}\p{N}\p{M}']--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]]*)/gv;

/** NFKC, lowercase, and one apostrophe character. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\u2018\u2019\u02bc\uff07]/g, "'");
}

/**
 * Fixed weight of a word when no corpus statistics exist: longer words are rarer (Zipf), so
 * weight = min(1, 0.3 + letters / 8): 0.675 for 3 letters, 1 from 6 letters on.
 */
function lengthPrior(word: string): number {
  return Math.min(1, 0.3 + word.length / 8);
}

/** Strips a possessive "'s" and every other apostrophe: "caroline's" → "caroline". */
function cleanWord(raw: string): string {
  const word = raw.endsWith("'s") ? raw.slice(0, -2) : raw;
  return word.includes("'") ? word.replaceAll("'", "") : word;
}

function emitWord(word: string, emit: FeatureSink): void {
  const stem = stemEnglish(word);
  const prior = lengthPrior(stem);
  emit(fnv1a(stem, Kind.Word), 1, prior);
  if (stem.length > PREFIX_LENGTH) {
    emit(fnv1a(stem.slice(0, PREFIX_LENGTH), Kind.Prefix), PREFIX_WEIGHT, prior);
  }
}

function emitHan(traditionalOrSimplified: string, emit: FeatureSink): void {
  const run = toSimplified(traditionalOrSimplified);
  const chars = Array.from(run);
  if (chars.length === 1) {
    if (!HAN_STOP_CHARACTERS.has(run)) emit(fnv1a(run, Kind.HanUnigram), 1, 1);
    return;
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const stop = HAN_STOP_CHARACTERS.has(c);
    if (!stop) emit(fnv1a(c, Kind.HanUnigram), HAN_UNIGRAM_WEIGHT, 1);
    const next = chars[i + 1];
    if (next === undefined) continue;
    const weight = stop || HAN_STOP_CHARACTERS.has(next) ? HAN_STOP_BIGRAM_WEIGHT : 1;
    emit(fnv1a(c + next, Kind.HanBigram), weight, 1);
  }
}

function emitBigrams(run: string, kind: Kind, weight: number, emit: FeatureSink): void {
  const chars = Array.from(run);
  for (let i = 0; i + 1 < chars.length; i++) {
    emit(fnv1a(chars[i]! + chars[i + 1]!, kind), weight, 1);
  }
}

/** Any text without a code unit above 0x7f takes the fast path: words are [a-z0-9']. */
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII_WORD = /[a-z0-9][a-z0-9']*/g;

function emitToken(raw: string, emit: FeatureSink, stopwords: string[]): void {
  const clean = cleanWord(raw);
  if (clean === "") return;
  if (ENGLISH_STOPWORDS.has(clean)) stopwords.push(clean);
  else emitWord(clean, emit);
}

function emitRun(match: RegExpExecArray, emit: FeatureSink, stopwords: string[]): void {
  // Index access, not destructuring: this is the hot loop.
  if (match[5] !== undefined) emitToken(match[5], emit, stopwords);
  else if (match[1] !== undefined) emitHan(match[1], emit);
  else if (match[3] !== undefined) {
    emit(fnv1a(match[3], Kind.KanaWord), 1, 1);
    emitBigrams(match[3], Kind.KanaBigram, KANA_BIGRAM_WEIGHT, emit);
  } else if (match[2] !== undefined) {
    emitBigrams(match[2], Kind.HiraganaBigram, HIRAGANA_BIGRAM_WEIGHT, emit);
  } else if (match[4] !== undefined) emit(fnv1a(match[4], Kind.Symbol), 1, 1);
}

/**
 * Emits the content features of `text` (see the module table) and returns how many it emitted.
 * Stopwords are collected into `stopwords` for the fallback.
 */
function emitContent(text: string, emit: FeatureSink, stopwords: string[]): number {
  let count = 0;
  const counted: FeatureSink = (hash, classWeight, prior) => {
    count++;
    emit(hash, classWeight, prior);
  };
  const pattern = NON_ASCII.test(text) ? RUN : ASCII_WORD;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (pattern === ASCII_WORD) emitToken(match[0], counted, stopwords);
    else emitRun(match, counted, stopwords);
  }
  return count;
}

/** Last resorts, in order: stopwords, non-space code points, the fixed "empty" feature. */
function emitFallback(text: string, stopwords: readonly string[], emit: FeatureSink): void {
  if (stopwords.length > 0) {
    for (const word of stopwords) emit(fnv1a(word, Kind.Word), 1, 1);
    return;
  }
  let any = false;
  for (const char of text) {
    if (/\s/.test(char)) continue;
    emit(fnv1a(char, Kind.Symbol), 1, 1);
    any = true;
  }
  if (!any) emit(fnv1a("", Kind.Empty), 1, 1);
}

/** Emits every feature occurrence of `text` to `emit`; at least one for any input. */
export function extractFeatures(text: string, emit: FeatureSink): void {
  const normalized = normalizeText(text);
  const stopwords: string[] = [];
  if (emitContent(normalized, emit, stopwords) === 0) emitFallback(normalized, stopwords, emit);
}
