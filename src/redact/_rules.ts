import type { _Rule } from "./_engine.ts";
import { _KEY_RULES } from "./_rules_keys.ts";
import { _URL_RULES } from "./_rules_urls.ts";
import { _HEADER_RULES } from "./_rules_headers.ts";
import { _ASSIGNMENT_RULES } from "./_rules_assign.ts";
import { _PII_RULES } from "./_rules_pii.ts";
import { _NETWORK_RULES } from "./_rules_network.ts";
import { _homeDirsRule, _PATH_RULES } from "./_rules_paths.ts";
import { _ENTROPY_RULES } from "./_rules_entropy.ts";

/**
 * Every built-in rule, in the order they run. Addresses and home paths come first: they are
 * the most common finds in logs, no other rule needs to see them, and a later pass over a
 * changed line only reruns the rules up to the last one that changed it. Then precise shapes,
 * so a secret keeps its most telling kind (`OPENAI_API_KEY=sk-…` → API_KEY, `Bearer eyJ…` →
 * JWT); URL credentials before e-mail (`user:pass@host` is not an address) and before digit
 * rules (webhook ids are long numbers). Each rule skips placeholders, so none double-redacts.
 */
const BUILT_IN: readonly _Rule[] = [
  ..._NETWORK_RULES,
  ..._PATH_RULES,
  ..._KEY_RULES,
  ..._URL_RULES,
  ..._HEADER_RULES,
  ..._ASSIGNMENT_RULES,
  ..._PII_RULES,
  ..._ENTROPY_RULES,
];

/** Compiled `homeDirs` rules by their joined list: callers pass the same list every time. */
const HOME_DIRS_CACHE = new Map<string, _Rule | undefined>();
const HOME_DIRS_CACHE_LIMIT = 16;

/**
 * The rules for one call: the built-ins, after a caller's home directories (first, so a home
 * directory that looks like an e-mail or holds an IP is still replaced as one path).
 */
export function _rulesFor(homeDirs: readonly string[] | undefined): readonly _Rule[] {
  if (homeDirs === undefined || homeDirs.length === 0) return BUILT_IN;
  const key = homeDirs.join("\u0000");
  let rule = HOME_DIRS_CACHE.get(key);
  if (!HOME_DIRS_CACHE.has(key)) {
    rule = _homeDirsRule(homeDirs);
    if (HOME_DIRS_CACHE.size >= HOME_DIRS_CACHE_LIMIT) HOME_DIRS_CACHE.clear();
    HOME_DIRS_CACHE.set(key, rule);
  }
  if (rule === undefined) return BUILT_IN;
  return [rule, ...BUILT_IN];
}
