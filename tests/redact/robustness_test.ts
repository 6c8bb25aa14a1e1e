import { describe, expect, it } from "vitest";
import { containsSecret, redactSecrets } from "../../src/redact/mod.ts";
import { ORDINARY_LINES, SECRET_CASES } from "./_corpus.ts";
import { fake } from "./_fakes.ts";

/** A seeded stream of UTF-16 code units, unpaired surrogates and control characters included. */
function garbage(seed: number, length: number): string {
  let x = seed * 2654435761 >>> 0 || 1;
  const units: number[] = [];
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    // Mostly ASCII (where the rules live), some BMP, some lone surrogates.
    const r = x % 100;
    units.push(r < 70 ? x % 128 : r < 90 ? x % 0xd800 : 0xd800 + (x % 0x800));
  }
  let out = "";
  for (let i = 0; i < units.length; i += 4096) {
    out += String.fromCharCode(...units.slice(i, i + 4096));
  }
  return out;
}

const MB = 1 << 20;

/** Inputs built to make a careless pattern backtrack, or a careless loop go quadratic. */
const ADVERSARIAL: ReadonlyArray<readonly [string, string]> = [
  ["one letter", "a".repeat(MB)],
  ["digits", "7".repeat(MB)],
  ["at signs", "@".repeat(MB)],
  ["an e-mail local part with no domain", `${"a.".repeat(MB / 2)}@`],
  ["colons and hex", "a:".repeat(MB / 2)],
  ["dotted digits", "1.".repeat(MB / 2)],
  ["plus and digits", "+1 ".repeat(MB / 3)],
  ["spaced digits", "4 ".repeat(MB / 2)],
  ["repeated assignments", "token=".repeat(MB / 6)],
  ["repeated secret words", "key ".repeat(MB / 4)],
  ["a secret word then a long run", `secret ${"Ab1".repeat(MB / 3)}`],
  ["unterminated PEM headers", "-----BEGIN PRIVATE KEY-----".repeat(MB / 27)],
  ["a PEM body without an END line", `-----BEGIN RSA PRIVATE KEY-----\n${"QUJD\n".repeat(MB / 5)}`],
  ["JWT-like prefixes", "eyJ.".repeat(MB / 4)],
  ["URL schemes without hosts", "https://".repeat(MB / 8)],
  ["userinfo without a host", `https://${"u:p".repeat(MB / 3)}`],
  ["Windows profile prefixes", "C:\\Users\\".repeat(MB / 9)],
  ["home prefixes", "/home/".repeat(MB / 6)],
  ["quotes after a key", `password="${"\\\\".repeat(MB / 2)}`],
  ["YAML key with a long value", `  password: ${"x ".repeat(MB / 2)}`],
  ["cookie pairs", `Cookie: ${"a=b; ".repeat(MB / 5)}`],
  ["CJK secret words", "密码：".repeat(MB / 3)],
  [
    "random base64",
    fake(1, MB, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
  ],
  ["binary garbage", garbage(2, MB)],
];

describe("redactSecrets() robustness", () => {
  for (const [name, text] of ADVERSARIAL) {
    it(`finishes on a 1 MB line of ${name}`, () => {
      const { text: out } = redactSecrets(text);
      expect(typeof out).toBe("string");
      expect(typeof containsSecret(text)).toBe("boolean");
    });
  }

  it("never throws on seeded garbage, and is idempotent on it", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const text = garbage(seed, 64 + (seed % 7) * 300);
      const once = redactSecrets(text).text;
      expect(redactSecrets(once)).toEqual({ text: once, found: [] });
    }
  });

  it("is idempotent on seeded mixtures of corpus pieces, and agrees with containsSecret()", () => {
    const pieces = [
      ...SECRET_CASES.flatMap((c) => [c.text, c.nearMiss, ...c.secrets]),
      ...ORDINARY_LINES,
      ...["password", "token", "key", ":", "=", " ", "\n", '"', "@", "[", "]", "/home/", "~"],
    ];
    let x = 12345;
    const next = () => {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      return x;
    };
    for (let i = 0; i < 1500; i++) {
      let text = "";
      for (let n = 1 + next() % 6; n > 0; n--) {
        text += next() % 4 === 0
          ? fake(next(), 8 + next() % 40, "ABCDEFabcdef0123456789xyzXYZ+/=_-")
          : pieces[next() % pieces.length];
      }
      const once = redactSecrets(text);
      expect(redactSecrets(once.text), text).toEqual({ text: once.text, found: [] });
      expect(containsSecret(text), text).toBe(once.found.length > 0);
      expect(containsSecret(once.text), text).toBe(false);
    }
  });

  it("is idempotent on the whole corpus, line by line and joined", () => {
    const texts = [...SECRET_CASES.flatMap((c) => [c.text, c.nearMiss]), ...ORDINARY_LINES];
    for (const text of [...texts, texts.join("\n"), texts.join(" ")]) {
      const once = redactSecrets(text).text;
      expect(redactSecrets(once), text).toEqual({ text: once, found: [] });
    }
  });

  it("keeps unpaired surrogates and other characters around a redaction", () => {
    const text = "\ud800 password=hunter2 \udfff\u0000\u202e";
    expect(redactSecrets(text).text).toBe("\ud800 password=[REDACTED_PASSWORD] \udfff\u0000\u202e");
  });

  it("returns empty text unchanged", () => {
    expect(redactSecrets("")).toEqual({ text: "", found: [] });
  });

  it("fails closed with UNSCANNABLE when the input cannot be read", () => {
    const hostile = {
      toString: () => {
        throw new Error("no");
      },
    } as unknown as string;
    expect(redactSecrets(hostile)).toEqual({
      text: "[REDACTED_UNSCANNABLE]",
      found: ["UNSCANNABLE"],
    });
  });
});
