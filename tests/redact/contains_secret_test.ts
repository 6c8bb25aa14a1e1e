import { describe, expect, it } from "vitest";
import { containsSecret, redactSecrets } from "../../src/redact/mod.ts";
import { ORDINARY_LINES, SECRET_CASES } from "./_corpus.ts";

describe("containsSecret()", () => {
  it("is true for every line of the secret corpus", () => {
    for (const c of SECRET_CASES) expect(containsSecret(c.text), c.format).toBe(true);
  });

  it("is false for every near miss and every ordinary line", () => {
    for (const c of SECRET_CASES) expect(containsSecret(c.nearMiss), c.format).toBe(false);
    for (const line of ORDINARY_LINES) expect(containsSecret(line), line).toBe(false);
  });

  it("is false once a text has been redacted, so redacted text may be sent", () => {
    for (const c of SECRET_CASES) {
      expect(containsSecret(redactSecrets(c.text).text), c.format).toBe(false);
    }
  });

  it("agrees with redactSecrets() on every corpus line, joined or alone", () => {
    const texts = [...SECRET_CASES.flatMap((c) => [c.text, c.nearMiss]), ...ORDINARY_LINES];
    for (const text of texts) {
      expect(containsSecret(text), text).toBe(redactSecrets(text).found.length > 0);
    }
    expect(containsSecret(ORDINARY_LINES.join("\n"))).toBe(false);
  });

  it("honours homeDirs", () => {
    expect(containsSecret("open /srv/people/alice/a.md")).toBe(false);
    expect(containsSecret("open /srv/people/alice/a.md", { homeDirs: ["/srv/people/alice"] }))
      .toBe(true);
  });

  it("fails closed on input it cannot read", () => {
    const hostile = {
      toString: () => {
        throw new Error("no");
      },
    } as unknown as string;
    expect(containsSecret(hostile)).toBe(true);
  });
});
