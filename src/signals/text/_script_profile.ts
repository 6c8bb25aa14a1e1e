import type { Lang } from "./lang.ts";
import { HANS_ONLY, HANT_ONLY, JA_ONLY } from "./_han_variants.ts";

/** Letter counts by script over a stretch of text. */
export interface ScriptProfile {
  latin: number;
  /** Hiragana and katakana (half-width included). */
  kana: number;
  /** Hiragana alone: Chinese text quotes katakana words (ポケモン), never hiragana. */
  hiragana: number;
  han: number;
  /** Han characters whose form is Simplified-only, Traditional-only, Japanese-only. */
  hans: number;
  hant: number;
  jaOnly: number;
  /** Letters of other scripts (Cyrillic, Hangul, Arabic …). */
  other: number;
}

const HANS = 1;
const HANT = 2;
const JA = 3;
let variantOf: Uint8Array | undefined;

function variants(): Uint8Array {
  if (variantOf) return variantOf;
  const table = new Uint8Array(0x10000);
  for (const [chars, mark] of [[HANS_ONLY, HANS], [HANT_ONLY, HANT], [JA_ONLY, JA]] as const) {
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = mark;
  }
  return (variantOf = table);
}

/** Counts letters by script in `text[start, end)`. */
export function scriptProfile(text: string, start = 0, end = text.length): ScriptProfile {
  const marks = variants();
  const p: ScriptProfile = {
    latin: 0,
    kana: 0,
    hiragana: 0,
    han: 0,
    hans: 0,
    hant: 0,
    jaOnly: 0,
    other: 0,
  };
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) p.latin++;
    } else if (
      c >= 0x4e00 && c <= 0x9fff || c >= 0x3400 && c <= 0x4dbf || c >= 0xf900 && c <= 0xfaff
    ) {
      p.han++;
      const mark = marks[c];
      if (mark === HANS) p.hans++;
      else if (mark === HANT) p.hant++;
      else if (mark === JA) p.jaOnly++;
    } else if (
      c >= 0x3040 && c <= 0x30ff || c >= 0x31f0 && c <= 0x31ff || c >= 0xff66 && c <= 0xff9f
    ) {
      p.kana++;
      if (c <= 0x309f) p.hiragana++;
    } else if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7 || c >= 0x1e00 && c <= 0x1eff) {
      p.latin++;
    } else if (isOtherLetter(c)) {
      p.other++;
    }
  }
  return p;
}

function isOtherLetter(c: number): boolean {
  return c >= 0x370 && c <= 0x1fff || c >= 0xac00 && c <= 0xd7af || c >= 0x3130 && c <= 0x318f;
}

// Katakana-only Japanese (構文エラー) has about a katakana per Han character; a
// quoted word (我最喜欢ポケモン…) is a few among many.
const KATAKANA_PER_HAN = 4;

/**
 * Which Han-script language a profile shows, or undefined when nothing in it
 * tells them apart (only shared characters, or no Han and no kana). Hiragana
 * means Japanese; katakana alone does too, unless it is sparse among Han
 * characters that include Chinese-only forms: a Japanese word quoted in Chinese.
 */
export function hanLanguage(p: ScriptProfile): Lang | undefined {
  const chinese = p.hans + p.hant;
  const quoted = chinese > 0 && p.kana * KATAKANA_PER_HAN < p.han;
  if (p.hiragana > 0 || (p.kana > 0 && !quoted)) return "ja";
  if (p.jaOnly > chinese) return "ja";
  if (p.hant > p.hans) return "zh-Hant";
  if (p.hans > p.hant) return "zh-Hans";
  return undefined;
}
