import { describe, expect, it } from "vitest";
import {
  classifyText,
  LANGS,
  SIGNAL_TYPES,
  type TextMatch,
  typesForRole,
} from "../../../src/signals/text/mod.ts";
import { MORE_NEGATIVE, MORE_POSITIVE, NEGATIVE, POSITIVE } from "./_corpus.ts";

const typesOf = (matches: readonly TextMatch[]) => matches.map((m) => m.type);

describe("classifyText() recognises every type in every language", () => {
  for (const type of SIGNAL_TYPES) {
    const row = POSITIVE[type];
    for (const lang of LANGS) {
      const examples = row.examples[lang];
      it(`finds ${type} in ${lang} (${examples.length} examples, role ${row.role})`, () => {
        expect(examples.length).toBeGreaterThanOrEqual(3);
        const missed = examples.filter((text) =>
          !classifyText(text, { role: row.role }).some((m) => m.type === type && m.lang === lang)
        );
        expect(missed).toEqual([]);
      });
    }
  }
});

describe("classifyText() stays quiet on ordinary text", () => {
  for (const row of NEGATIVE) {
    const what = row.not === "all" ? "any type" : row.not.join(", ");
    it(`does not fire ${what} on ${row.lang} "${row.text}" (${row.role})`, () => {
      const fired = classifyText(row.text, { role: row.role })
        .filter((m) => row.not === "all" || row.not.includes(m.type))
        .map((m) => `${m.type} (${m.pattern}: "${m.match}")`);
      expect(fired).toEqual([]);
    });
  }
});

describe("classifyText() on examples written after the patterns", () => {
  it("finds each type in each language", () => {
    const missed = MORE_POSITIVE.filter(([type, role, lang, text]) =>
      !classifyText(text, { role }).some((m) => m.type === type && m.lang === lang)
    );
    expect(missed).toEqual([]);
  });

  it("stays quiet on ordinary requests, code and logs", () => {
    const fired = MORE_NEGATIVE.flatMap(([role, text]) =>
      classifyText(text, { role }).map((m) => `${m.type} in "${text}"`)
    );
    expect(fired).toEqual([]);
  });
});

describe("classifyText() roles", () => {
  it("fires user_* only for the user's words", () => {
    const text = "thanks, that worked! can you add a dark mode?";
    expect(typesOf(classifyText(text, { role: "user" }))).toEqual(
      expect.arrayContaining(["user_praise", "user_feature_request"]),
    );
    for (const role of ["assistant", "tool", "log"] as const) {
      expect(typesOf(classifyText(text, { role })).filter((t) => t.startsWith("user_"))).toEqual(
        [],
      );
    }
  });

  it("fires capability_gap only for the assistant's words", () => {
    const text = "I don't have a tool to browse the web.";
    expect(typesOf(classifyText(text, { role: "assistant" }))).toContain("capability_gap");
    expect(typesOf(classifyText(text, { role: "user" }))).not.toContain("capability_gap");
    expect(typesOf(classifyText(text, { role: "tool" }))).not.toContain("capability_gap");
  });

  it("fires error categories for every role", () => {
    for (const role of ["user", "assistant", "tool", "log"] as const) {
      expect(typesOf(classifyText("connect ECONNREFUSED 127.0.0.1:5432", { role }))).toContain(
        "network_failure",
      );
    }
  });

  it("defaults to the log role", () => {
    expect(typesOf(classifyText("thanks, that worked!"))).toEqual([]);
    expect(typesOf(classifyText("Error: ENOENT: no such file"))).toEqual([
      "log_error",
      "missing_resource",
    ]);
  });

  it("typesForRole() gives the user user_*, the assistant capability_gap, tools neither", () => {
    expect(typesForRole("user")).toHaveLength(18);
    expect(typesForRole("assistant")).toHaveLength(15);
    expect(typesForRole("tool")).toEqual(typesForRole("log"));
    expect(typesForRole("tool")).toHaveLength(14);
  });
});

describe("classifyText() results", () => {
  it("reports at most one match per type, the first, in text order", () => {
    const text = "ok\nError: timed out\nlater: Error: ETIMEDOUT again, request timed out";
    const found = classifyText(text, { role: "log" });
    expect(typesOf(found)).toEqual(["log_error", "timeout"]);
    expect(found[0]).toMatchObject({ index: 3, match: "Error: " });
    expect(found[1]).toMatchObject({
      index: 10,
      match: "timed out",
      pattern: "en.timeout.timed_out",
    });
    const indexes = found.map((m) => m.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it("names each match with a stable <table>.<type>.<name> id", () => {
    const found = classifyText("connect ECONNREFUSED, 连接超时", { role: "tool" });
    expect(found.map((m) => m.pattern)).toEqual([
      "sys.network_failure.errno",
      "zh-Hans.timeout.chaoshi",
    ]);
    for (const m of found) {
      expect(m.pattern).toMatch(/^(?:sys|en|zh-Hans|zh-Hant|ja)\.[a-z_]+\.[a-z0-9_]+$/);
    }
  });

  it("reports machine strings in any text as English", () => {
    const [m] = classifyText("读取失败：ENOENT", { role: "tool", types: ["missing_resource"] });
    expect(m).toMatchObject({ type: "missing_resource", lang: "en", match: "ENOENT" });
  });

  it("takes a Han phrase's language from the characters around it", () => {
    const hans = classifyText("该模型暂不支持这种格式", {
      role: "tool",
      types: ["unsupported_input_type"],
    });
    const hant = classifyText("該模型暫不支持這種格式", {
      role: "tool",
      types: ["unsupported_input_type"],
    });
    expect(hans[0]?.lang).toBe("zh-Hans");
    expect(hant[0]?.lang).toBe("zh-Hant");
  });

  it("looks only for the types asked for", () => {
    const text = "Error: EACCES: permission denied";
    expect(typesOf(classifyText(text, { types: ["permission_denied"] }))).toEqual([
      "permission_denied",
    ]);
    expect(classifyText(text, { role: "log", types: ["user_praise"] })).toEqual([]);
  });

  it("returns nothing for empty text", () => {
    expect(classifyText("", { role: "user" })).toEqual([]);
  });
});

describe("classifyText() feedback polarity for the user", () => {
  it('treats "thanks, but it still fails" as a correction, not praise', () => {
    expect(typesOf(classifyText("thanks, but it still fails", { role: "user" }))).toEqual([
      "user_correction",
    ]);
  });

  it('treats "thanks" alone as praise', () => {
    expect(typesOf(classifyText("thanks", { role: "user" }))).toEqual(["user_praise"]);
  });

  it("settles the same conflict in Chinese and Japanese", () => {
    expect(typesOf(classifyText("谢谢，但是还是不行", { role: "user" }))).not.toContain(
      "user_praise",
    );
    expect(typesOf(classifyText("ありがとう、でもまだ動かないです", { role: "user" }))).not
      .toContain("user_praise");
  });

  it("keeps praise when the complaint came first and the verdict is good", () => {
    const found = typesOf(classifyText("it was broken before, but now it works, thanks", {
      role: "user",
    }));
    expect(found).toContain("user_praise");
  });
});

describe("classifyText() on long and awkward text", () => {
  const filler = (lines: number) =>
    Array.from({ length: lines }, (_, i) => `line ${i}: the quick brown fox, nothing to see`)
      .join("\n");

  it("finds a signal deep inside a long multi-line text, at the right offset", () => {
    const head = `${filler(500)}\n`;
    const text = `${head}java.io.FileNotFoundException: /tmp/x (No such file or directory)\n${
      filler(500)
    }`;
    const [m] = classifyText(text, { role: "tool", types: ["missing_resource"] });
    expect(m?.index).toBe(head.length + "java.io.".length);
    expect(m?.match).toBe("FileNotFoundException");
  });

  it("finds a signal in the middle of one very long line (minified JSON)", () => {
    const records = Array.from(
      { length: 300 },
      (_, i): { id: number; error: string | null; name: string } => ({
        id: i,
        error: null,
        name: "ok",
      }),
    );
    records.splice(150, 0, { id: -1, error: "connect ECONNREFUSED 10.0.0.3:5432", name: "db" });
    const text = JSON.stringify(records);
    const found = classifyText(text, { role: "tool" });
    expect(typesOf(found)).toEqual(["log_error", "network_failure"]);
    expect(found[1]?.index).toBe(text.indexOf("ECONNREFUSED"));
  });

  it("keeps offsets right when lower-casing would change the text's length", () => {
    const text = "İstanbul office: Error: ENOENT: no such file";
    const found = classifyText(text, { role: "log" });
    expect(found.map((m) => text.slice(m.index, m.index + m.match.length))).toEqual(
      found.map((m) => m.match),
    );
    expect(typesOf(found)).toEqual(["log_error", "missing_resource"]);
  });

  it("finds a signal in text mixing scripts, emoji and typographic quotes", () => {
    const text = "Done ✅ — “build” ran; 然后 接続がタイムアウトしました";
    expect(classifyText(text, { role: "tool" }).map((m) => `${m.type}:${m.lang}`)).toEqual([
      "timeout:ja",
    ]);
  });
});
