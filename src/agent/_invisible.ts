// deno-lint-ignore no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/.source;
const HIDDEN = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/.source;

/**
 * Characters that have no business in a memory or a hint: C0 controls other than tab and newline,
 * DEL, zero-width characters and bidirectional overrides (they can hide text from a reader).
 */
export const _INVISIBLE = new RegExp(`${CONTROL}|${HIDDEN}`, "g");
