import { describe, expect, it } from "vitest";
import { LANGS, SIGNAL_TYPES } from "../../../src/signals/text/mod.ts";
import { PATTERN_SETS } from "../../../src/signals/text/_pattern_sets.ts";
import { hasCaptureGroup } from "../../../src/signals/text/_script_matcher.ts";
import { splitAlternatives } from "../../../src/signals/text/_split_alternatives.ts";

const rows = PATTERN_SETS.flatMap((set) =>
  SIGNAL_TYPES.flatMap((type) =>
    (set.patterns[type] ?? []).map(([name, source]) => ({
      set,
      type,
      id: `${set.table}.${type}.${name}`,
      alternatives: typeof source === "string" ? splitAlternatives(source) : [...source],
    }))
  )
);
const HAN_OR_KANA = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

describe("pattern tables", () => {
  it("give every one of the 19 types patterns in all four languages", () => {
    const missing: string[] = [];
    for (const type of SIGNAL_TYPES) {
      for (const lang of LANGS) {
        if (!rows.some((r) => r.type === type && r.set.lang === lang)) {
          missing.push(`${type}/${lang}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("use unique, well-formed pattern ids", () => {
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^(?:sys|en|zh-Hans|zh-Hant|ja)\.[a-z_]+\.[a-z0-9_]+$/);
    }
  });

  it("compile, have no capture groups, and never match empty text", () => {
    const bad: string[] = [];
    for (const r of rows) {
      for (const alt of r.alternatives) {
        if (hasCaptureGroup(alt)) bad.push(`${r.id}: capture group`);
        const re = new RegExp(alt, "i");
        if (re.test("")) bad.push(`${r.id}: matches ""`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("put a Han or kana character in every alternative of the Han-script tables", () => {
    // The Han tables run only on text holding such characters; an alternative
    // without one could only ever fire by accident of its surroundings.
    const bad = rows.filter((r) => r.set.script === "han")
      .flatMap((r) =>
        r.alternatives.filter((a) => !HAN_OR_KANA.test(a)).map((a) => `${r.id}: ${a}`)
      );
    expect(bad).toEqual([]);
  });
});

describe("splitAlternatives()", () => {
  it("splits at top-level bars only", () => {
    expect(splitAlternatives(String.raw`\ba|(?:b|c)|[|]|\|d`)).toEqual([
      String.raw`\ba`,
      "(?:b|c)",
      "[|]",
      String.raw`\|d`,
    ]);
  });
});

describe("hasCaptureGroup()", () => {
  it("tells capturing groups from non-capturing ones, escapes and classes", () => {
    expect(hasCaptureGroup("(a)")).toBe(true);
    expect(hasCaptureGroup("(?:a)(?=b)(?<!c)(?-i:d)")).toBe(false);
    expect(hasCaptureGroup(String.raw`\(a\)[(]`)).toBe(false);
  });
});
