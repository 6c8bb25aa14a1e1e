import type { _Rule } from "./_engine.ts";
import { _VENDOR_FORMATS as FORMATS } from "./_vendor_formats.ts";

/**
 * All formats as one alternation, one capture group each: a single scan instead of one per
 * vendor (per-format substring prefilters cost more than the scan on long texts, and each extra
 * rule costs a call on short ones). At a position the first listed format wins.
 */
const VENDOR_RULE: _Rule = {
  name: "vendor-tokens",
  applies: () => true,
  // A leading \b lets V8 skip non-boundary positions before trying ~40 alternatives (3x
  // faster than a look-behind per alternative); every format starts with a letter or digit.
  pattern: new RegExp(`\\b(?:${FORMATS.map((f) => `(${f.source})`).join("|")})`, "g"),
  redact: (m, _text, ctx) => {
    const i = m.findIndex((group, index) => index > 0 && group !== undefined);
    const format = FORMATS[i - 1];
    if (format === undefined) return undefined;
    return format.valid === undefined || format.valid(m[0]) ? ctx.mark(format.kind) : undefined;
  },
};

/** Telegram bot tokens `123456789:AA…`: they start with digits glued to `bot` in API URLs. */
const TELEGRAM_RULE: _Rule = {
  name: "telegram-bot",
  applies: (probe) => probe.has("telegram"),
  pattern: /(?<![0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g,
  redact: (_m, _text, ctx) => ctx.mark("TOKEN"),
};

/** Azure AD (Entra) client secrets: three characters, a digit, `Q~`, then 31-34 more. */
const AZURE_AD_RULE: _Rule = {
  name: "azure-ad-client-secret",
  applies: (probe) => probe.has("azureAd"),
  pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
  redact: (_m, _text, ctx) => ctx.mark("SECRET"),
};

/** PEM-armoured private keys (PKCS#1/#8, EC, DSA, OpenSSH, encrypted, PGP blocks). */
const PEM_MARKER = String.raw`(?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----`;
/**
 * The body is base64, line breaks (real or JSON-escaped `\n`) and armour headers
 * (`Proc-Type: 4,ENCRYPTED`, `Version: …`); a `-` is allowed unless it starts the END line. The
 * two alternatives cannot match the same character, so the scan is linear. When the END line is
 * missing (a truncated log) the block runs until the first character no key body contains.
 */
const PEM_BODY = String.raw`(?:[A-Za-z0-9+/=\s\\:,.()]|-(?!----END))*`;

const PEM_RULE: _Rule = {
  name: "pem-private-key",
  applies: (probe) => probe.has("privateKey"),
  pattern: new RegExp(`-----BEGIN ${PEM_MARKER}${PEM_BODY}(?:-----END ${PEM_MARKER})?`, "g"),
  redact: (_m, _text, ctx) => ctx.mark("PRIVATE_KEY"),
};

/** PuTTY `.ppk` files: the base64 lines after `Private-Lines: N`. */
const PUTTY_RULE: _Rule = {
  name: "putty-private-key",
  applies: (probe) => probe.has("privateKey"),
  pattern: /(Private-Lines:[ \t]*\d+[\r\n]+)[A-Za-z0-9+/=\r\n]+/g,
  redact: (m, _text, ctx) => `${m[1] ?? ""}${ctx.mark("PRIVATE_KEY")}`,
};

/**
 * Private keys and vendor tokens recognised by their own shape, whatever surrounds them. They
 * run first, so a key inside `OPENAI_API_KEY=…` or `Bearer …` keeps its precise kind.
 */
export const _KEY_RULES: readonly _Rule[] = [
  PEM_RULE,
  PUTTY_RULE,
  VENDOR_RULE,
  TELEGRAM_RULE,
  AZURE_AD_RULE,
];
