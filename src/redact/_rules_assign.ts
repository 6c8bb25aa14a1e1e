import type { _Rule } from "./_engine.ts";
import { _proseFollows, _redactAssigned } from "./_assign_value.ts";
import { _KEY_ROOTS } from "./_key_class.ts";
import { _isSecretValue, type _Strength } from "./_values.ts";
import type { RedactionKind } from "./redaction_kind.ts";

/**
 * A quoted value: `"…"` or `'…'` with backslash escapes, or JSON-in-JSON `\"…\"`. An unclosed
 * quote runs to the end of the line (a truncated log still loses its secret, and a line of
 * unclosed quotes costs one scan, not one per quote). In each repetition the alternatives start
 * with different characters, and the loop always ends where the closing part matches, so
 * nothing backtracks.
 */
const ESCAPE = String.raw`\\(?:[^\r\n]|(?![^\r\n]))`;
const END_OF_LINE = String.raw`(?![^\r\n])`;
const QUOTED = [
  String.raw`"(?:[^"\\\r\n]|${ESCAPE})*(?:"|${END_OF_LINE})`,
  String.raw`'(?:[^'\\\r\n]|${ESCAPE})*(?:'|${END_OF_LINE})`,
  String.raw`\\"(?:[^"\\\r\n]|\\(?:[^"\r\n]|(?![^\r\n])))*(?:\\"|${END_OF_LINE})`,
].join("|");

/**
 * `key = value` in code, env files, query strings, logs, JSON and Python/JS object literals:
 * a key containing a secret word, an optional closing quote, `=`, `:`, `:=` or `=>`, and a
 * quoted value or an unquoted run up to whitespace, a quote, `&`, `;`, `,` or `<`.
 */
const ASSIGNMENT_RULE: _Rule = {
  name: "assignment",
  applies: (probe) => probe.has("keyword"),
  pattern: new RegExp(
    String.raw`((?:${_KEY_ROOTS})[\w.-]{0,30})(\\?["']?[ \t]*(?:=>|:=|=|:)(?![=:\/])[ \t]*)` +
      String.raw`(${QUOTED}|[^\s"'&;,<]+)`,
    "gi",
  ),
  redact: (m, text, ctx) => {
    const value = m[3] ?? "";
    const key = m[1] ?? "";
    const sep = m[2] ?? "";
    // `password= user=bob`: the key was empty and the next field is not its value.
    if (/[ \t]$/.test(sep) && /^[\w.-]+=/.test(value)) return undefined;
    const prose = sep.includes(":") && _proseFollows(text, m.index + m[0].length);
    const out = _redactAssigned({ key, value, prose }, ctx);
    return out === undefined ? undefined : `${key}${sep}${out}`;
  },
};

/**
 * A YAML (or INI-style `key: value`) line whose key holds a secret: the value is the rest of the
 * line, so unquoted passwords with spaces go whole. A trailing ` # comment` is kept. Block
 * scalars (`password: |`) are not followed onto the next lines.
 */
const YAML_RULE: _Rule = {
  name: "yaml-line",
  applies: (probe) => probe.has("keyword"),
  pattern: new RegExp(
    String.raw`^([ \t]*(?:-[ \t]+)?["']?[\w.-]{0,40}?)((?:${_KEY_ROOTS})[\w.-]{0,30})` +
      String.raw`(["']?[ \t]*:[ \t]+)([^\r\n]+)`,
    "gim",
  ),
  redact: (m, _text, ctx) => {
    const line = m[4] ?? "";
    const comment = /[ \t]+#.*$/.exec(line)?.[0] ?? "";
    const value = line.slice(0, line.length - comment.length).trimEnd();
    // Quoted values are the assignment rule's (it keeps JSON shape); block scalars are a gap.
    if (value === "" || /^(?:\\?["']|[|>][-+]?$)/.test(value)) return undefined;
    // An unindented "word: several words" line is more often a message ("passwd: entry for
    // user app not found") than YAML; the assignment rule then judges its first word.
    if (!/^[ \t-]/.test(m[1] ?? "") && /\s/.test(value)) return undefined;
    const out = _redactAssigned({ key: m[2] ?? "", value, prose: false }, ctx);
    if (out === undefined) return undefined;
    const tail = line.slice(value.length);
    return `${m[1] ?? ""}${m[2] ?? ""}${m[3] ?? ""}${out}${tail}`;
  },
};

/** `--password hunter2`, `--api-key abc…` on a command line (the `=` form is an assignment). */
const CLI_FLAG_RULE: _Rule = {
  name: "cli-flag",
  applies: (probe) => probe.has("keyword") && probe.text.includes("-"),
  pattern: new RegExp(
    String.raw`(?<![\w-])--?((?:[A-Za-z0-9]+-){0,3}(?:${_KEY_ROOTS})(?:-[A-Za-z0-9]+){0,3})` +
      String.raw`([ \t]+)((?!-)(?:${QUOTED}|[^\s"'&;,<]+))`,
    "gi",
  ),
  redact: (m, _text, ctx) => {
    const out = _redactAssigned({ key: m[1] ?? "", value: m[3] ?? "", prose: false }, ctx);
    if (out === undefined) return undefined;
    return `${m[0].slice(0, m[0].length - (m[3] ?? "").length)}${out}`;
  },
};

/** `<password>…</password>` and friends in XML configs and SOAP dumps. */
const XML_RULE: _Rule = {
  name: "xml-element",
  applies: (probe) => probe.has("keyword") && probe.text.includes("</"),
  pattern: new RegExp(
    String.raw`<((?:[\w.-]{0,20}?)(?:${_KEY_ROOTS})[\w.-]{0,20})>([^<\r\n]{1,1024})</\1>`,
    "gi",
  ),
  redact: (m, _text, ctx) => {
    const key = m[1] ?? "";
    const out = _redactAssigned({ key, value: m[2] ?? "", prose: false }, ctx);
    return out === undefined ? undefined : `<${key}>${out}</${key}>`;
  },
};

/** CJK secret words (Simplified, Traditional, Japanese) and what they hold. */
const CJK_KEYS: ReadonlyArray<readonly [string, RedactionKind, _Strength]> = [
  ["密码|密碼|口令|パスワード|暗証番号|暗號", "PASSWORD", "any"],
  ["秘密鍵|私钥|私鑰", "PRIVATE_KEY", "any"],
  ["API\\s?キー|API\\s?密钥|API\\s?密鑰", "API_KEY", "medium"],
  ["密钥|密鑰|秘钥|秘鑰|シークレット", "SECRET", "any"],
  ["令牌|アクセストークン|トークン|訪問令牌|访问令牌", "TOKEN", "medium"],
];

const CJK_CLASSES = CJK_KEYS.map(([source, kind, strength]) => ({
  word: new RegExp(source),
  kind,
  strength,
}));

function _cjkClass(key: string): readonly [RedactionKind, _Strength] {
  const cls = CJK_CLASSES.find((c) => c.word.test(key));
  return cls === undefined ? ["SECRET", "any"] : [cls.kind, cls.strength];
}

/**
 * `密码：hunter2`, `密碼: …`, `パスワードは abc123`, `令牌=…`: a CJK secret word, a full- or
 * half-width separator (or 是/為/は), and an ASCII value (CJK prose after the word survives).
 */
const CJK_RULE: _Rule = {
  name: "cjk-assignment",
  applies: (probe) => probe.has("cjk"),
  pattern: new RegExp(
    `(${
      CJK_KEYS.map(([s]) => s).join("|")
    })([ \\t\\u3000]*(?:[:：=＝]|是|为|為|は)[ \\t\\u3000]*)` +
      `([「『"'“]?)([\\x21-\\x7e]+)`,
    "g",
  ),
  redact: (m, _text, ctx) => {
    const raw = m[4] ?? "";
    const close = /["'”」』,.;)\]]+$/.exec(raw)?.[0] ?? "";
    const value = raw.slice(0, raw.length - close.length);
    const [kind, strength] = _cjkClass(m[1] ?? "");
    if (!_isSecretValue(value, strength)) return undefined;
    return `${m[1] ?? ""}${m[2] ?? ""}${m[3] ?? ""}${ctx.mark(kind)}${close}`;
  },
};

/** Secrets named by their key: YAML lines, CLI flags, XML, assignments, CJK forms. */
export const _ASSIGNMENT_RULES: readonly _Rule[] = [
  YAML_RULE,
  CLI_FLAG_RULE,
  XML_RULE,
  ASSIGNMENT_RULE,
  CJK_RULE,
];
