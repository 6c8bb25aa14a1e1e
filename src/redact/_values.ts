/**
 * How sure a rule must be that a value is a secret before it redacts it:
 * - `any`: the key alone says so (`password=…`); everything but a placeholder-like value goes.
 * - `medium`: the key suggests a credential (`token=…`, `api_key=…`); the value must look like
 *   one: a single word of 6+ characters with letters and digits, or a random-looking string.
 *   So `token: expired` and `apiKey: optionalSetting(…)` survive.
 * - `strong`: only the context hints (`key`, a key with a suffix such as `token_type`); the
 *   value must look random (see {@link _looksRandom}).
 */
export type _Strength = "any" | "medium" | "strong";

/** Values that stand for a secret without being one: flags, empty markers, templates. */
const BENIGN =
  /^(?:true|false|null|nil|none|undefined|yes|no|on|off|empty|unset|required|optional|missing|invalid|redacted|hidden|masked|secret|password|n\/a|na|\*+|x+|•+|\.{3}|…|<[^>]*>|\$\{[^}]*\}|\$\{\{[^}]*\}\}|\{\{[^}]*\}\}|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|\[REDACTED_.*)$/i;

/** Numbers, dates, times and versions: never credentials at `medium` or `strong`. */
const NUMBER_LIKE = /^[vV]?[\d.,:+\-\/ ]+(?:[a-zA-Z]{1,3})?$/;

/** Whitespace, brackets, quotes and list punctuation: prose or code, not a key or token. */
const CODE_OR_PROSE = /[\s(){}<>,;'"`]/;

/** Characters that separate words in identifiers and paths rather than occur in random keys. */
const SEPARATORS = /[-_./+=]/g;

/** 8-4-4-4-12 hex: UUIDs carry four dashes that the separator ratio must not count against. */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Entropy floors in bits per character (Shannon, over the value's own character counts). A
 * random hex string of 16+ characters scores about 3.4-4.0 (at most log2(16) = 4), random base62
 * or base64 about 3.7-5.5; identifiers and words repeat letters and score lower. The floors sit
 * below the random ranges, as in truffleHog's hex/base64 thresholds.
 */
const HEX_ENTROPY_FLOOR = 3.0;
const ENTROPY_FLOOR = 3.5;
/** Random keys rarely have more than this share of `-_./+=`; identifiers and paths do. */
const MAX_SEPARATOR_SHARE = 0.15;
/** Entropy is computed over at most this many characters: enough to judge, cheap on huge runs. */
const ENTROPY_SAMPLE = 256;

/** True for values that only stand in for a secret (`null`, `***`, `${TOKEN}`, a placeholder). */
export function _isBenignValue(value: string): boolean {
  return value.length === 0 || BENIGN.test(value);
}

/** Shannon entropy of `value`'s characters in bits per character (first 256 characters). */
function _shannonEntropy(value: string): number {
  const n = Math.min(value.length, ENTROPY_SAMPLE);
  if (n === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Share of neighbouring letter/digit pairs that switch class (upper, lower, digit). Random
 * base62 switches at about 0.6, random hex at about 0.47; words and identifiers
 * (`completion_tokens=211`, `InvalidClientTokenId`) switch rarely, and separators do not count.
 */
function _switchRatio(value: string): number {
  let pairs = 0;
  let switches = 0;
  let previous = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const cls = c >= 48 && c <= 57 ? 0 : c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : -1;
    if (cls >= 0 && previous >= 0) {
      pairs++;
      if (cls !== previous) switches++;
    }
    previous = cls;
  }
  return pairs === 0 ? 0 : switches / pairs;
}

/** Switch-ratio floors: with digits (hex keys dip to ~0.3) and without (camelCase is ~0.35). */
const MIN_SWITCHES_WITH_DIGITS = 0.25;
const MIN_SWITCHES_LETTERS_ONLY = 0.42;

/** True when `value` looks like a random machine-made key rather than a word, path or number. */
export function _looksRandom(value: string): boolean {
  if (value.length < 16 || NUMBER_LIKE.test(value) || /\s|\[REDACTED_/.test(value)) return false;
  const hasDigit = /\d/.test(value);
  const hasUpper = /[A-Z]/.test(value);
  const hasLower = /[a-z]/.test(value);
  if (!hasUpper && !hasLower) return false;
  if (!hasDigit && !(value.length >= 24 && hasUpper && hasLower)) return false;
  const uuid = UUID.test(value);
  const separators = uuid ? 0 : (value.match(SEPARATORS)?.length ?? 0);
  if (separators / value.length > MAX_SEPARATOR_SHARE) return false;
  const switches = _switchRatio(value);
  if (switches < (hasDigit ? MIN_SWITCHES_WITH_DIGITS : MIN_SWITCHES_LETTERS_ONLY)) return false;
  const hex = /^[0-9a-fA-F-]+$/.test(value);
  return _shannonEntropy(value) >= (hex ? HEX_ENTROPY_FLOOR : ENTROPY_FLOOR);
}

/** True when `value` is a secret at the given strength (see {@link _Strength}). */
export function _isSecretValue(value: string, strength: _Strength): boolean {
  if (_isBenignValue(value)) return false;
  if (strength === "any") return true;
  // Keys and tokens are one word without brackets or quotes; `apiKey: optionalSetting(z…), {`
  // is code. (Passwords, at `any`, may hold anything.)
  if (CODE_OR_PROSE.test(value)) return false;
  if (strength === "strong") return _looksRandom(value);
  if (NUMBER_LIKE.test(value)) return false;
  if (value.length >= 6 && /\p{L}/u.test(value) && /\d/.test(value)) return true;
  return _looksRandom(value);
}
