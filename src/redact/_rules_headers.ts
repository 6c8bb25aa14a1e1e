import type { _Context, _Rule } from "./_engine.ts";
import { _isBenignValue, _isSecretValue } from "./_values.ts";

/** Schemes whose credential is one token; anything after it on the line is kept. */
const SINGLE_TOKEN_SCHEMES = new Set(["bearer", "basic", "token", "apikey", "api-key", "key"]);
/** Schemes whose credentials are `k=v, …` lists: the rest of the header value goes. */
const LIST_SCHEMES = new Set(["digest", "negotiate", "ntlm", "aws4-hmac-sha256", "hmac", "oauth"]);

/** Splits a header value into its scheme and the text after the scheme's spacing. */
function _scheme(value: string): { scheme: string; gap: string; rest: string } | undefined {
  const m = /^([A-Za-z0-9-]+)([ \t]+)/.exec(value);
  if (m === null) return undefined;
  const scheme = m[1] ?? "";
  return { scheme, gap: m[2] ?? "", rest: value.slice(m[0].length) };
}

/** Redacts the first token of `value`, keeping what follows it. */
function _firstToken(value: string, kind: "TOKEN" | "BASIC_AUTH", ctx: _Context, lax: boolean) {
  const token = /^[^\s,;]+/.exec(value)?.[0] ?? "";
  if (!_isSecretValue(token, lax ? "any" : "medium")) return undefined;
  return ctx.mark(kind) + value.slice(token.length);
}

/**
 * `Authorization:` / `Proxy-Authorization:` headers in HTTP dumps, JSON and env form. The scheme
 * name is kept (`Authorization: Bearer [REDACTED_TOKEN]`) because it tells a reader which kind
 * of auth failed.
 */
const AUTHORIZATION_RULE: _Rule = {
  name: "authorization-header",
  applies: (probe) => probe.has("authorization"),
  pattern: /(?<![\w-])((?:proxy-)?authorization\\?["']?[ \t]*[:=][ \t]*\\?["']?)([^\r\n"'\\]+)/gi,
  redact: (m, _text, ctx) => {
    const head = m[1] ?? "";
    const value = m[2] ?? "";
    const parsed = _scheme(value);
    const scheme = parsed?.scheme.toLowerCase() ?? "";
    if (parsed !== undefined && LIST_SCHEMES.has(scheme)) {
      if (_isBenignValue(parsed.rest.trim())) return undefined;
      return `${head}${parsed.scheme}${parsed.gap}${ctx.mark("TOKEN")}`;
    }
    if (parsed !== undefined && SINGLE_TOKEN_SCHEMES.has(scheme)) {
      const kind = scheme === "basic" ? "BASIC_AUTH" : "TOKEN";
      const out = _firstToken(parsed.rest, kind, ctx, true);
      return out === undefined ? undefined : `${head}${parsed.scheme}${parsed.gap}${out}`;
    }
    const out = _firstToken(value, "TOKEN", ctx, false);
    return out === undefined ? undefined : `${head}${out}`;
  },
};

/** A bearer token outside an Authorization header (`curl -H "…Bearer abc"`, prose). */
const BEARER_RULE: _Rule = {
  name: "bearer-token",
  applies: (probe) => probe.has("bearer"),
  pattern: /(?<![\w-])(bearer[ \t]+)([A-Za-z0-9._~+\/-]+=*)/gi,
  redact: (m, _text, ctx) =>
    _isSecretValue(m[2] ?? "", "medium") ? `${m[1] ?? ""}${ctx.mark("TOKEN")}` : undefined,
};

/** True when `value` is base64 of printable `user:password`. */
function _isBasicCredential(value: string): boolean {
  if (value.length % 4 === 1) return false;
  let decoded: string;
  try {
    decoded = atob(value);
  } catch (_error) {
    // Not base64 after all: then it is an ordinary word after "Basic", not a credential.
    return false;
  }
  return decoded.includes(":") && /^[\x20-\x7e]+$/.test(decoded);
}

/** `Basic <base64 of user:password>` outside an Authorization header. */
const BASIC_RULE: _Rule = {
  name: "basic-credentials",
  applies: (probe) => probe.has("basic"),
  pattern: /(?<![\w-])(basic[ \t]+)([A-Za-z0-9+\/]{8,}={0,2})(?![A-Za-z0-9+\/=])/gi,
  redact: (m, _text, ctx) =>
    _isBasicCredential(m[2] ?? "") ? `${m[1] ?? ""}${ctx.mark("BASIC_AUTH")}` : undefined,
};

/** Set-Cookie attributes: their values are not secrets. */
const COOKIE_ATTRIBUTES = new Set([
  "path",
  "domain",
  "expires",
  "max-age",
  "samesite",
  "secure",
  "httponly",
  "priority",
  "partitioned",
  "version",
  "comment",
]);

/** Replaces every cookie value in a `name=value; …` list, keeping names and attributes. */
function _redactCookieList(list: string, ctx: _Context): string | undefined {
  let changed = false;
  const out = list.replace(/([^;=\s][^;=]*)=([^;]*)/g, (pair: string, name: string, v: string) => {
    const value = v.trim();
    if (COOKIE_ATTRIBUTES.has(name.trim().toLowerCase()) || _isBenignValue(value)) return pair;
    changed = true;
    return `${name}=${ctx.mark("COOKIE")}${v.slice(v.indexOf(value) + value.length)}`;
  });
  return changed ? out : undefined;
}

/** `Cookie:` and `Set-Cookie:` headers: cookie values are session credentials. */
const COOKIE_RULE: _Rule = {
  name: "cookie-header",
  applies: (probe) => probe.has("cookie"),
  pattern: /(?<![\w-])((?:set-)?cookie\\?["']?[ \t]*[:=][ \t]*\\?["']?)([^\r\n"'\\]+)/gi,
  redact: (m, _text, ctx) => {
    const out = _redactCookieList(m[2] ?? "", ctx);
    return out === undefined ? undefined : `${m[1] ?? ""}${out}`;
  },
};

/** Credentials in HTTP headers. */
export const _HEADER_RULES: readonly _Rule[] = [
  AUTHORIZATION_RULE,
  BEARER_RULE,
  BASIC_RULE,
  COOKIE_RULE,
];
