import type { Lang } from "./lang.ts";
import { SIGNAL_TYPES, type SignalType } from "./signal_types.ts";
import { type TextRole, typesForRole } from "./roles.ts";
import { PATTERN_SETS } from "./_pattern_sets.ts";
import { buildScriptMatcher, type ScriptMatcher } from "./_script_matcher.ts";
import { type RawHit, scanScript } from "./_scan_script.ts";
import { hanLanguage, scriptProfile } from "./_script_profile.ts";
import { settleFeedbackConflict } from "./_settle_feedback_conflict.ts";
import type { TextMatch } from "./text_match.ts";

/** Options for {@linkcode classifyText}. */
export interface ClassifyOptions {
  /** Who wrote the text; decides which types can fire (see typesForRole). Default "log". */
  readonly role?: TextRole;
  /** Look only for these types (intersected with the role's). Default: all of the role's. */
  readonly types?: readonly SignalType[];
}

// Han, kana and the fullwidth forms; one quick scan decides whether the Han-script
// tables need to run at all. English-only text never pays for them.
const HAN_SCRIPT = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
// Characters either side of a Han-script match that decide its language.
const LANG_WINDOW = 48;

// Compiled on first use, each script only once text needs it.
let latin: ScriptMatcher | undefined;
let han: ScriptMatcher | undefined;
const roleMasks = new Map<TextRole, number>();

/**
 * Finds which signal types a text expresses, in English, Simplified and
 * Traditional Chinese and Japanese: error categories (timeout, permission denied,
 * missing resource, network failure, missing key, parse error, unsupported input,
 * a generic error line), performance trouble, loops, stagnation, the assistant
 * admitting a capability gap, and the user's correction, praise, feature request
 * or improvement suggestion. At most one match per type — the first — ordered by
 * position. Pure and cheap: one prefilter pass looks for the literals the
 * patterns require, and only the lines holding one are matched, only for the
 * types that literal stands for (see `_required_factors.ts`). The first call
 * compiles the tables (a few hundred milliseconds); later calls reuse them.
 *
 * For user text, when praise and correction both match, the polarity of
 * {@linkcode detectFeedback} decides which stands ("thanks, but it still fails"
 * is a correction only).
 *
 * @example
 * ```ts
 * classifyText("Error: ENOENT: no such file or directory", { role: "tool" })
 *   .map((m) => m.type); // ["log_error", "missing_resource"]
 * classifyText("还是不对，为什么还是报错？", { role: "user" })[0]?.type; // "user_correction"
 * classifyText("I don't have a tool to browse the web.", { role: "assistant" })
 *   .map((m) => m.pattern); // ["en.capability_gap.no_tool"]
 * ```
 */
export function classifyText(text: string, options: ClassifyOptions = {}): TextMatch[] {
  const role = options.role ?? "log";
  let mask = maskForRole(role);
  if (options.types) mask &= maskOf(options.types);
  if (mask === 0 || text.length === 0) return [];
  const hits: (RawHit | undefined)[] = [];
  const lowered = text.toLowerCase();
  latin ??= buildScriptMatcher(PATTERN_SETS, "latin");
  scanScript(latin, text, lowered, mask, hits);
  if (HAN_SCRIPT.test(text)) {
    han ??= buildScriptMatcher(PATTERN_SETS, "han");
    scanScript(han, text, lowered, mask, hits);
  }
  const found: TextMatch[] = [];
  for (const hit of hits) if (hit) found.push(toMatch(text, hit));
  found.sort((a, b) => a.index - b.index || typeIndex(a.type) - typeIndex(b.type));
  return role === "user" ? settleFeedbackConflict(text, found) : found;
}

function toMatch(text: string, hit: RawHit): TextMatch {
  const type = SIGNAL_TYPES[hit.type] ?? "log_error";
  const { pattern, index, match } = hit;
  return { type, lang: langOf(text, hit), pattern: pattern.id, index, match };
}

// Han-script phrases are often spelled alike in the three languages (不支持, 完美), so
// a Han match takes its language from the characters around it when they tell.
function langOf(text: string, hit: RawHit): Lang {
  if (hit.pattern.script !== "han") return hit.pattern.lang;
  const start = Math.max(0, hit.index - LANG_WINDOW);
  const end = Math.min(text.length, hit.index + hit.match.length + LANG_WINDOW);
  return hanLanguage(scriptProfile(text, start, end)) ?? hit.pattern.lang;
}

function typeIndex(type: SignalType): number {
  return SIGNAL_TYPES.indexOf(type);
}

function maskOf(types: readonly SignalType[]): number {
  let mask = 0;
  for (const type of types) mask |= 1 << typeIndex(type);
  return mask;
}

function maskForRole(role: TextRole): number {
  let mask = roleMasks.get(role);
  if (mask === undefined) {
    mask = maskOf(typesForRole(role));
    roleMasks.set(role, mask);
  }
  return mask;
}

/**
 * Compiles what {@linkcode classifyText} builds on first use — both scripts' tables and every
 * expression in them (V8 compiles a regular expression at its first run, up to a millisecond
 * for the large ones) — so that a latency-sensitive caller (a prompt hook) does not pay for it
 * on its first real text. Returns how many expressions ran. Idempotent and cheap after the
 * first call.
 */
export function prepareClassifier(): number {
  latin ??= buildScriptMatcher(PATTERN_SETS, "latin");
  han ??= buildScriptMatcher(PATTERN_SETS, "han");
  let ran = 0;
  for (const matcher of [latin, han]) {
    for (const re of matcher.byTypeRe) {
      if (!re) continue;
      re.lastIndex = 0;
      re.exec("warm up");
      ran++;
    }
    for (const patterns of matcher.byType) {
      for (const pattern of patterns) {
        pattern.sticky.lastIndex = 0;
        pattern.sticky.exec("warm up");
        ran++;
      }
    }
  }
  return ran;
}
