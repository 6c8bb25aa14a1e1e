import type { PatternSet } from "./_pattern_table.ts";
import { EN_ERROR_PATTERNS } from "./_patterns_en_errors.ts";
import { EN_PEOPLE_PATTERNS } from "./_patterns_en_people.ts";
import { JA_PATTERNS } from "./_patterns_ja.ts";
import { SYS_PATTERNS } from "./_patterns_sys.ts";
import { ZH_HANS_PATTERNS } from "./_patterns_zh_hans.ts";
import { ZH_HANT_PATTERNS } from "./_patterns_zh_hant.ts";

/**
 * Every pattern table, in matching order: within a type, the first pattern that
 * matches at a position names the match, so machine strings come before prose.
 */
export const PATTERN_SETS: readonly PatternSet[] = [
  { table: "sys", lang: "en", script: "latin", patterns: SYS_PATTERNS },
  { table: "en", lang: "en", script: "latin", patterns: EN_ERROR_PATTERNS },
  { table: "en", lang: "en", script: "latin", patterns: EN_PEOPLE_PATTERNS },
  { table: "zh-Hans", lang: "zh-Hans", script: "han", patterns: ZH_HANS_PATTERNS },
  { table: "zh-Hant", lang: "zh-Hant", script: "han", patterns: ZH_HANT_PATTERNS },
  { table: "ja", lang: "ja", script: "han", patterns: JA_PATTERNS },
];
