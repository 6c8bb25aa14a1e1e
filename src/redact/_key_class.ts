import type { _Strength } from "./_values.ts";
import type { RedactionKind } from "./redaction_kind.ts";

/**
 * The words that make a key secret-ish, as a regex source for the search patterns. Short words
 * (`pass`, `pwd`, `sig`, `key`) need letter boundaries so `bypass`, `cwd`, `signal`, `keyboard`
 * stay ordinary; the long ones may be glued (`DB_PASSWORD`, `csrftoken`, `AccountKey`).
 */
export const _KEY_ROOTS = [
  "passw(?:or)?d",
  "passphrase",
  "passcode",
  "(?<![a-z])pass(?![a-z])",
  "(?<![a-z])pwd(?![a-z])",
  "secret",
  "token",
  "private[_-]?key",
  "(?:api|access|app|application|account|subscription|encryption|signing|master)[_-]?key",
  "(?<![a-z])key(?![a-z])",
  "signature",
  "(?<![a-z])sig(?![a-z])",
  "credentials?",
  "session[_-]?id",
  "sessid",
  "connect\\.sid",
].join("|");

interface _KeyClass {
  readonly root: RegExp;
  readonly atEnd: RegExp;
  readonly kind: RedactionKind;
  readonly strength: _Strength;
}

function _class(source: string, kind: RedactionKind, strength: _Strength): _KeyClass {
  return { root: new RegExp(source), atEnd: new RegExp(`(?:${source})$`), kind, strength };
}

/** In priority order: the first class whose root occurs in a key decides its kind. */
const CLASSES: readonly _KeyClass[] = [
  _class("passw(?:or)?d|passphrase|passcode", "PASSWORD", "any"),
  _class("(?<![a-z])(?:pass|pwd)(?![a-z])", "PASSWORD", "medium"),
  _class("private[_-]?key", "PRIVATE_KEY", "medium"),
  _class("secret(?:[_-]?access)?[_-]?key", "SECRET", "medium"),
  _class("secret", "SECRET", "any"),
  _class("(?:encryption|signing|master)[_-]?key", "SECRET", "medium"),
  _class("credentials?", "SECRET", "medium"),
  _class("token", "TOKEN", "medium"),
  _class("signature|(?<![a-z])sig(?![a-z])", "TOKEN", "medium"),
  _class("(?:api|access|app|application|account|subscription)[_-]?key", "API_KEY", "medium"),
  _class("session[_-]?id|sessid|connect\\.sid", "COOKIE", "medium"),
  _class("(?<![a-z])key(?![a-z])", "SECRET", "strong"),
];

/** Suffixes that still name the secret itself (`password_confirmation`, `token_b64`). */
const SAME_VALUE_SUFFIX =
  /[_.-]?(?:confirm(?:ation)?|new|old|current|plain|raw|value|str|string|b64|base64|enc|encoded|\d)$/;

/**
 * What a secret-ish key holds: its kind, and how sure the value check must be. A key that ends
 * in its secret word (`DB_PASSWORD`, `client_secret`, `x-api-key`) takes the word's strength; a
 * key with another suffix (`token_type`, `password_policy`, `max_tokens`) only describes a
 * secret, so its value must look random (`strong`) to go.
 *
 * @param key the key as written, from its first secret word on (`password_min_length`)
 */
export function _classifyKey(key: string): { kind: RedactionKind; strength: _Strength } {
  const lower = key.toLowerCase().replace(SAME_VALUE_SUFFIX, "");
  const cls = CLASSES.find((c) => c.root.test(lower));
  if (cls === undefined) return { kind: "SECRET", strength: "strong" };
  const end = CLASSES.find((c) => c.atEnd.test(lower));
  return { kind: cls.kind, strength: end?.strength ?? "strong" };
}
