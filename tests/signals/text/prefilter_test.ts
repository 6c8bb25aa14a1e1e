import { describe, expect, it } from "vitest";
import {
  classifyText,
  SIGNAL_TYPES,
  type TextRole,
  typesForRole,
} from "../../../src/signals/text/mod.ts";
import type { SignalType } from "../../../src/signals/text/mod.ts";
import { PATTERN_SETS } from "../../../src/signals/text/_pattern_sets.ts";
import { requiredFactors } from "../../../src/signals/text/_required_factors.ts";
import { buildGate } from "../../../src/signals/text/_gate.ts";
import { splitAlternatives } from "../../../src/signals/text/_split_alternatives.ts";
import { NEGATIVE, POSITIVE } from "./_corpus.ts";

// The reference: every pattern run over the whole text, no prefilter, no windows.
function reference(text: string, types: readonly SignalType[]): Map<SignalType, number> {
  const first = new Map<SignalType, number>();
  for (const set of PATTERN_SETS) {
    for (const type of types) {
      for (const [, source] of set.patterns[type] ?? []) {
        const joined = typeof source === "string" ? source : source.join("|");
        const m = new RegExp(joined, "im").exec(text); // patterns read ^ and $ per line
        if (m && (first.get(type) ?? Infinity) > m.index) first.set(type, m.index);
      }
    }
  }
  return first;
}

const ROLES: readonly TextRole[] = ["user", "assistant", "tool", "log"];
// Praise and correction are settled against each other for the user; compare the rest.
const COMPARED = SIGNAL_TYPES.filter((t) => t !== "user_praise" && t !== "user_correction");

function corpusTexts(): string[] {
  const texts = SIGNAL_TYPES.flatMap((t) => Object.values(POSITIVE[t].examples).flat());
  return [...texts, ...NEGATIVE.map((n) => n.text)];
}

describe("the literal prefilter", () => {
  it("never hides a match: classifyText() equals running every pattern everywhere", () => {
    const texts = corpusTexts();
    // Embed the corpus in lines of filler, in several arrangements, so that windows,
    // line limits and neighbouring matches all get exercised.
    const docs = [
      ...texts,
      texts.join("\n"),
      texts.join(" "),
      texts.map((t, i) => `#${i} the quick brown fox — ${t} — jumps`).join("\n"),
    ];
    const mismatches: string[] = [];
    for (const doc of docs) {
      for (const role of ROLES) {
        const types = COMPARED.filter((t) => typesForRole(role).includes(t));
        const got = new Map(classifyText(doc, { role }).map((m) => [m.type, m.index]));
        const want = reference(doc, types);
        for (const type of types) {
          if (got.get(type) !== want.get(type)) {
            mismatches.push(
              `${role} ${type}: ${got.get(type)} vs ${want.get(type)} in ${doc.slice(0, 60)}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("finds a required literal in every text that an alternative matches", () => {
    const missed: string[] = [];
    const texts = corpusTexts();
    for (const set of PATTERN_SETS) {
      for (const type of SIGNAL_TYPES) {
        for (const [name, source] of set.patterns[type] ?? []) {
          const alts = typeof source === "string" ? splitAlternatives(source) : source;
          for (const alt of alts) {
            const factors = requiredFactors(alt);
            if (factors === undefined) continue; // such a type is scanned everywhere
            const re = new RegExp(alt, "i");
            for (const text of texts) {
              const m = re.exec(text);
              if (!m) continue;
              const lower = text.toLowerCase();
              const hit = factors.some((f) =>
                f.bounded ? new RegExp(`\\b${escape(f.text)}`).test(lower) : lower.includes(f.text)
              );
              if (!hit) missed.push(`${set.table}.${type}.${name} on "${text}"`);
            }
          }
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it("derives rare, shared words, and keeps phrases of common words whole", () => {
    expect(requiredFactors(String.raw`\bpermissions? denied\b`)).toEqual([
      { text: "denied", bounded: true },
    ]);
    expect(requiredFactors("(?:执行|运行|加载)了?失败")).toEqual([{
      text: "失败",
      bounded: false,
    }]);
    const words = requiredFactors(String.raw`\b(?:socket|connection) (?:reset|refused)\b`);
    expect(words?.every((f) => f.bounded && /^(?:socket|connection|reset|refused)$/.test(f.text)))
      .toBe(true);
    // A phrase of common words is kept whole, so that "file" alone does not trigger.
    expect(requiredFactors(String.raw`\bno such file\b`)).toEqual([
      { text: "no such file", bounded: true },
    ]);
  });

  it("gives each literal the types of the literals that may match at the same place", () => {
    const gate = buildGate([
      { text: "fail", bounded: true, mask: 1 },
      { text: "failed to", bounded: true, mask: 2 },
      { text: "error", bounded: false, mask: 4 },
    ]);
    expect(gate?.masks.get("fail")).toBe(1);
    expect(gate?.masks.get("failed to")).toBe(3);
    expect(gate?.masks.get("error")).toBe(4);
  });
});

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
