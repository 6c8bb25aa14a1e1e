import { describe, expect, it } from "vitest";
import { REDACTION_KINDS, redactSecrets } from "../../src/redact/mod.ts";
import { ORDINARY_LINES, SECRET_CASES } from "./_corpus.ts";

describe("redactSecrets() on the secret corpus", () => {
  for (const c of SECRET_CASES) {
    it(`removes a ${c.format} and says ${c.kind}`, () => {
      const { text, found } = redactSecrets(c.text);
      for (const secret of c.secrets) expect(text).not.toContain(secret);
      expect(text).toContain(`[REDACTED_${c.kind}]`);
      expect(found).toContain(c.kind);
      for (const kept of c.keeps ?? []) expect(text).toContain(kept);
    });

    it(`leaves the near miss of a ${c.format} untouched`, () => {
      expect(redactSecrets(c.nearMiss)).toEqual({ text: c.nearMiss, found: [] });
    });
  }

  it("covers at least 40 formats and every kind but UNSCANNABLE", () => {
    expect(new Set(SECRET_CASES.map((c) => c.format)).size).toBeGreaterThanOrEqual(40);
    const kinds = new Set(SECRET_CASES.map((c) => c.kind));
    for (const kind of REDACTION_KINDS) if (kind !== "UNSCANNABLE") expect(kinds).toContain(kind);
  });
});

describe("redactSecrets() on ordinary text", () => {
  for (const line of ORDINARY_LINES) {
    it(`keeps ${JSON.stringify(line.slice(0, 60))}`, () => {
      expect(redactSecrets(line)).toEqual({ text: line, found: [] });
    });
  }
});

describe("redactSecrets() key names", () => {
  const keys = [
    "password",
    "passwd",
    "pwd",
    "pass",
    "passphrase",
    "passcode",
    "secret",
    "client_secret",
    "token",
    "access_token",
    "refresh_token",
    "auth_token",
    "api_key",
    "apikey",
    "api-key",
    "x-api-key",
    "access_key",
    "app_key",
    "account_key",
    "subscription_key",
    "master_key",
    "signing_key",
    "encryption_key",
    "private_key",
    "signature",
    "sig",
    "credentials",
    "session_id",
    "sessionid",
    "sessid",
    "JSESSIONID",
    "PHPSESSID",
    "connect.sid",
  ];
  for (const key of keys) {
    it(`redacts the value of ${key}=, "${key}": and ${key}: forms`, () => {
      for (
        const text of [`${key}=Abc123xyz789`, `{"${key}": "Abc123xyz789"}`, `${key}: Abc123xyz789`]
      ) {
        const out = redactSecrets(text).text;
        expect(out, text).not.toContain("Abc123xyz789");
        expect(out, text).toContain(key);
      }
    });
  }
});

describe("redactSecrets() placeholders", () => {
  it("keeps the part of a home path after the user's directory", () => {
    expect(redactSecrets("open /home/alice/app/src/a.ts:3:1").text).toBe(
      "open [REDACTED_PATH]/app/src/a.ts:3:1",
    );
  });

  it("keeps scheme, host and path of a URL with credentials", () => {
    expect(redactSecrets("GET https://u:p4ss@example.com/x?y=1").text).toBe(
      "GET https://[REDACTED_URL_CREDENTIALS]@example.com/x?y=1",
    );
  });

  it("keeps the key and the quotes of an assignment", () => {
    expect(redactSecrets(`{"password": "hunter2", "user": "bob"}`).text).toBe(
      `{"password": "[REDACTED_PASSWORD]", "user": "bob"}`,
    );
  });

  it("keeps the port after a redacted IPv4 address", () => {
    expect(redactSecrets("dial 192.0.2.10:5432").text).toBe("dial [REDACTED_IP]:5432");
  });

  it("reports each kind once, in the order the rules found them", () => {
    const { found } = redactSecrets(
      "a@example.com b@example.com password=x1y2z3 10.1.2.3 /home/me/x password=q9",
    );
    expect(found).toEqual(["IP", "PATH", "PASSWORD", "EMAIL"]);
  });

  it("gives a vendor key its own kind even inside an assignment", () => {
    const key = ["gh", "p_", "TESTONLY", "a1".repeat(14)].join("");
    expect(redactSecrets(`GITHUB_TOKEN=${key}`)).toEqual({
      text: "GITHUB_TOKEN=[REDACTED_TOKEN]",
      found: ["TOKEN"],
    });
  });

  it("replaces a JWT after Bearer as a JWT, not a bare token", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLXRlc3Qtb25seQ";
    expect(redactSecrets(`Authorization: Bearer ${jwt}`).text).toBe(
      "Authorization: Bearer [REDACTED_JWT]",
    );
  });
});

describe("redactSecrets() homeDirs option", () => {
  it("hides a caller-given home directory and keeps the path after it", () => {
    const { text, found } = redactSecrets("open /srv/people/alice/notes.md", {
      homeDirs: ["/srv/people/alice"],
    });
    expect(text).toBe("open [REDACTED_PATH]/notes.md");
    expect(found).toEqual(["PATH"]);
  });

  it("matches a Windows home directory in its slash and JSON-escaped spellings", () => {
    const homeDirs = ["D:\\Profiles\\erin"];
    expect(redactSecrets("D:/Profiles/erin/a.txt", { homeDirs }).text).toBe(
      "[REDACTED_PATH]/a.txt",
    );
    expect(redactSecrets('{"p":"D:\\\\Profiles\\\\erin\\\\a.txt"}', { homeDirs }).text).toBe(
      '{"p":"[REDACTED_PATH]\\\\a.txt"}',
    );
  });

  it("does not match a longer directory name that only starts the same", () => {
    const text = "open /srv/people/alice2/notes.md";
    expect(redactSecrets(text, { homeDirs: ["/srv/people/alice"] }).text).toBe(text);
  });

  it("redacts a reverse-DNS name that embeds an address as a whole, and keeps versions", () => {
    expect(redactSecrets("rhost=5.36.59.76.dynamic-dsl-ip.example.net.om  user=root").text)
      .toBe("rhost=[REDACTED_IP]  user=root");
    expect(redactSecrets("v8 15.0.245.2-rusty").text).toBe("v8 15.0.245.2-rusty");
  });
});
