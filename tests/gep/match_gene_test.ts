import { describe, expect, it } from "vitest";
import { matchGene } from "../../src/gep/mod.ts";

const gene = { signals_match: ["missing_resource", "enoent", "no such file"] };

describe("matchGene()", () => {
  it("matches signal-type entries against the signal types exactly", () => {
    expect(matchGene(gene, { signals: ["missing_resource"] })).toEqual({
      types: ["missing_resource"],
      keywords: [],
      matched: true,
    });
    expect(matchGene(gene, { signals: ["missing"] }).matched).toBe(false);
  });

  it("matches keywords as case-insensitive plain substrings of the text", () => {
    const match = matchGene(gene, {
      signals: ["tool_error"],
      text: "read: ENOENT: No such file or directory <*>",
    });
    expect(match).toEqual({ types: [], keywords: ["enoent", "no such file"], matched: true });
  });

  it("never treats a keyword as a regular expression", () => {
    const dotted = { signals_match: ["tool_error", "a.b"] };
    expect(matchGene(dotted, { signals: [], text: "axb" }).matched).toBe(false);
    expect(matchGene(dotted, { signals: [], text: "see a.b" }).keywords).toEqual(["a.b"]);
  });

  it("does not match a signal type name appearing in the text", () => {
    expect(matchGene(gene, { signals: [], text: "missing_resource" }).matched).toBe(false);
  });
});
