/**
 * The four languages that signal patterns are written in: English, Simplified
 * Chinese, Traditional Chinese and Japanese.
 *
 * @example
 * ```ts
 * LANGS.includes("zh-Hant"); // true
 * ```
 */
export const LANGS = ["en", "zh-Hans", "zh-Hant", "ja"] as const;

/** One of the {@linkcode LANGS}, as a BCP 47 tag. */
export type Lang = typeof LANGS[number];
