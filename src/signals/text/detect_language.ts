import type { Lang } from "./lang.ts";
import { hanLanguage, scriptProfile } from "./_script_profile.ts";

// A Han character carries about a word; English words average four to five
// letters. Text is read as Chinese or Japanese once its Han and kana, so
// weighted, reach its Latin letters.
const LATIN_LETTERS_PER_HAN = 4;

/** Only the first this many UTF-16 units are examined, so the cost is bounded. */
export const DETECT_LANGUAGE_SAMPLE = 8192;

/**
 * Guesses which of the four pattern languages a text is written in, from its
 * letters alone (no dictionary): Japanese when kana are present (or Japanese-only
 * kanji forms dominate), Traditional vs Simplified Chinese by characters that
 * exist in only one standard (錯/错, 權/权, 網/网), English for Latin letters,
 * and `"other"` for text in another script or with no letters at all.
 * Mixed text goes to the script with more weight; Han-only text with no telling
 * characters is taken as Simplified Chinese, the more common standard.
 *
 * @example
 * ```ts
 * detectLanguage("ファイルが見つかりません"); // "ja"
 * detectLanguage("連線逾時，請稍後再試"); // "zh-Hant"
 * detectLanguage("连接超时，请稍后再试"); // "zh-Hans"
 * detectLanguage("connection timed out"); // "en"
 * detectLanguage("Соединение прервано"); // "other"
 * ```
 */
export function detectLanguage(text: string): Lang | "other" {
  const p = scriptProfile(text, 0, Math.min(text.length, DETECT_LANGUAGE_SAMPLE));
  const cjk = p.han + p.kana;
  if (cjk > 0 && cjk * LATIN_LETTERS_PER_HAN >= p.latin && cjk >= p.other) {
    return hanLanguage(p) ?? "zh-Hans";
  }
  if (p.latin > 0 && p.latin >= p.other) return "en";
  return "other";
}
