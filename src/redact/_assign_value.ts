import type { _Context } from "./_engine.ts";
import { _classifyKey } from "./_key_class.ts";
import { _isSecretValue, type _Strength } from "./_values.ts";

/** Trailing punctuation that ends the sentence, list or bracket around a value, not the value. */
const TRAILING = /[.,;)\]}>]+$/;
/** Values that name a file instead of holding a secret (for `pwd`, `private_key`, …). */
const PATH_LIKE = /^(?:[\/~.]|[A-Za-z]:[\\\/])/;

/** A value found after a key: its raw text, and whether text follows on the same line. */
export interface _Assigned {
  readonly key: string;
  readonly value: string;
  /** A word follows the value on the same line (prose such as `token: expired for user`). */
  readonly prose: boolean;
}

/**
 * The replacement for an assigned value, or `undefined` to keep it. Quotes (`"…"`, `'…'`,
 * JSON-escaped `\"…\"`) are kept around the placeholder; trailing `.`, `,`, `;`, `)`, `]`, `}`
 * of an unquoted value are kept as punctuation.
 */
export function _redactAssigned(a: _Assigned, ctx: _Context): string | undefined {
  const { kind, strength } = _classifyKey(a.key);
  const quote = /^(\\?["'])/.exec(a.value)?.[1];
  let open = "";
  let inner = a.value;
  let close = "";
  if (quote !== undefined && a.value.length >= 2 * quote.length && a.value.endsWith(quote)) {
    open = quote;
    close = quote;
    inner = a.value.slice(quote.length, a.value.length - quote.length);
  } else {
    close = TRAILING.exec(inner)?.[0] ?? "";
    inner = inner.slice(0, inner.length - close.length);
  }
  const unquoted = open === "";
  let need: _Strength = strength;
  if (unquoted && a.prose && need === "any") need = "medium";
  if (/pwd|private|key/i.test(a.key) && PATH_LIKE.test(inner) && need !== "strong") {
    need = "strong";
  }
  if (!_isSecretValue(inner, need)) return undefined;
  return `${open}${ctx.mark(kind)}${close}`;
}

/** How many spaces and tabs may separate a value from the word that makes it prose. */
const PROSE_GAP = 16;

/** True when a word follows position `end` on the same line (skipping spaces and tabs). */
export function _proseFollows(text: string, end: number): boolean {
  let i = end;
  const limit = Math.min(text.length, end + PROSE_GAP);
  while (i < limit && (text[i] === " " || text[i] === "\t")) i++;
  if (i === end || i >= text.length) return false;
  // "[" starts a placeholder: a word that a later rule redacted is still a word.
  return /[\p{L}\p{N}\[]/u.test(text[i] ?? "");
}
