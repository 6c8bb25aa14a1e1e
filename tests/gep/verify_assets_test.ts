import { existsSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type AssetProblem,
  AuditIntegrityError,
  builtinGenes,
  gepPaths,
  makeCapsule,
  makeGene,
  verifyAssets,
  withAssetId,
} from "../../src/gep/mod.ts";
import {
  capsuleFields,
  eventLines,
  geneFields,
  tempHome,
  writeChain,
  writeEventLines,
  writeGepJson,
} from "./_fixtures.ts";

const EVENTS = "assets/gep/events.jsonl";

/** The problems of one file as [line, kind] pairs. */
function where(problems: readonly AssetProblem[], file = EVENTS) {
  return problems.filter((p) => p.file === file).map((p) => [p.line, p.kind]);
}

async function chainOf10(): Promise<{ home: string; lines: string[] }> {
  const home = tempHome();
  await writeChain(home, 10);
  return { home, lines: eventLines(home) };
}

describe("verifyAssets(): a clean home", () => {
  it("checks the built-in library and every file and finds nothing", async () => {
    const { home } = await chainOf10();
    writeGepJson(home, "genes.json", { version: 1, genes: [makeGene(geneFields())] });
    writeGepJson(home, "capsules.json", { version: 1, capsules: [makeCapsule(capsuleFields())] });
    const report = await verifyAssets(home);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => [f.file, f.checked])).toEqual([
      ["built-in:assets/gep/genes.json", builtinGenes().length],
      ["assets/gep/genes.json", 1],
      ["assets/gep/capsules.json", 1],
      [EVENTS, 10],
    ]);
  });

  it("accepts a home with no GEP files yet", async () => {
    const report = await verifyAssets(tempHome());
    expect(report.ok).toBe(true);
    expect(report.files.slice(1).every((f) => !f.exists && f.checked === 0)).toBe(true);
  });
});

describe("verifyAssets(): the event chain", () => {
  it("reports one flipped character in event 7 of 10 at line 7 and nowhere else", async () => {
    const { home, lines } = await chainOf10();
    const original = lines[6] ?? "";
    const flipped = original.replace("cycle 7: signals_match", "cycle 7: signalz_match");
    expect(flipped.length).toBe(original.length);
    expect(flipped).not.toBe(original);
    lines[6] = flipped;
    writeEventLines(home, lines);

    const report = await verifyAssets(home);
    expect(report.ok).toBe(false);
    expect(where(report.problems)).toEqual([[7, "asset_id_mismatch"]]);
    // Event 8 names event 7's stored asset_id, which the flip did not touch: its link holds.
    expect(report.problems[0]?.id).toBe("evt_000007");
    expect(report.problems[0]?.message).toMatch(/content hashes to sha256:[0-9a-f]{64}, not to/);
  });

  it("blames the next line when a rewritten event also got a fresh asset_id", async () => {
    const { home, lines } = await chainOf10();
    const event = JSON.parse(lines[6] ?? "");
    const forged = withAssetId({ ...event, outcome: { status: "validated", score: 1 } });
    lines[6] = JSON.stringify(forged);
    writeEventLines(home, lines);
    const report = await verifyAssets(home);
    expect(where(report.problems)).toEqual([[8, "parent_missing"]]);
    expect(report.problems[0]?.message).toMatch(/the event before it \(line 7\)/);
  });

  it("reports a deleted event as a missing parent on the line after the gap", async () => {
    const { home, lines } = await chainOf10();
    lines.splice(4, 1); // event 5
    writeEventLines(home, lines);
    const report = await verifyAssets(home);
    expect(where(report.problems)).toEqual([[5, "parent_missing"]]);
    expect(report.problems[0]?.id).toBe("evt_000006");
  });

  it("reports a deleted first event: the new first line names a parent", async () => {
    const { home, lines } = await chainOf10();
    writeEventLines(home, lines.slice(1));
    expect(where((await verifyAssets(home)).problems)).toEqual([[1, "parent_missing"]]);
  });

  it("reports a reordered pair on the lines whose links no longer hold", async () => {
    const { home, lines } = await chainOf10();
    [lines[3], lines[4]] = [lines[4] ?? "", lines[3] ?? ""];
    writeEventLines(home, lines);
    const report = await verifyAssets(home);
    expect(where(report.problems)).toEqual([
      [4, "chain_broken"],
      [5, "chain_broken"],
      [6, "chain_broken"],
    ]);
    expect(report.problems[0]?.message).toMatch(
      /line 5 \(later in the file: events out of order\)/,
    );
  });

  it("reports a duplicated event once, and keeps the chain after it intact", async () => {
    const { home, lines } = await chainOf10();
    lines.splice(5, 0, lines[4] ?? "");
    writeEventLines(home, lines);
    const report = await verifyAssets(home);
    expect(where(report.problems)).toEqual([[6, "duplicate_id"]]);
    expect(report.problems[0]?.message).toMatch(/already recorded on line 5/);
  });

  it("reports a torn last line without calling it an integrity failure", async () => {
    const { home } = await chainOf10();
    const path = gepPaths(home).events;
    writeFileSync(path, `${Deno.readTextFileSync(path)}{"type":"EvolutionEvent","id":"evt_0`);
    const report = await verifyAssets(home);
    expect(where(report.problems)).toEqual([[11, "torn_tail"]]);
    expect(report.problems[0]?.integrity).toBe(false);
    expect(report.ok).toBe(true);
  });

  it("reports a line that no longer parses, without blaming its successor", async () => {
    const { home, lines } = await chainOf10();
    lines[2] = (lines[2] ?? "").replace('"type":', '"type"');
    writeEventLines(home, lines);
    expect(where((await verifyAssets(home)).problems)).toEqual([[3, "not_json"]]);
  });

  it("reports an event that is not a valid EvolutionEvent as a schema problem", async () => {
    const { home, lines } = await chainOf10();
    const event = JSON.parse(lines[1] ?? "");
    lines[1] = JSON.stringify(withAssetId({ ...event, intent: "destroy" }));
    writeEventLines(home, lines);
    const kinds = where((await verifyAssets(home)).problems);
    expect(kinds).toContainEqual([2, "schema"]);
    expect(kinds).toContainEqual([3, "parent_missing"]);
  });
});

describe("verifyAssets(): JSON asset files", () => {
  it("reports a tampered gene with its index, line and id", async () => {
    const home = tempHome();
    const title = 'Brackets [a, b] {c: "d"} \\ "quoted", tricky';
    const genes = [makeGene(geneFields({ title })), makeGene(geneFields({ id: "gene_two" }))];
    writeGepJson(home, "genes.json", {
      version: 1,
      genes: [genes[0], { ...genes[1], title: "x" }],
    });
    const report = await verifyAssets(home);
    const problem = report.problems.find((p) => p.file === "assets/gep/genes.json");
    expect(problem).toMatchObject({ kind: "asset_id_mismatch", index: 1, id: "gene_two" });
    const text = Deno.readTextFileSync(gepPaths(home).genes).split("\n");
    expect(text[(problem?.line ?? 0) - 1]?.trim()).toBe("{");
    expect(text[problem?.line ?? 0]).toContain('"type": "Gene"');
    expect(text.slice(problem?.line ?? 0, (problem?.line ?? 0) + 3).join("")).toContain("gene_two");
  });

  it("reports a duplicate capsule id and a tampered capsule", async () => {
    const home = tempHome();
    const capsule = makeCapsule(capsuleFields());
    writeGepJson(home, "capsules.json", {
      version: 1,
      capsules: [capsule, capsule, { ...capsule, id: "cap_000009", confidence: 0.99 }],
    });
    const report = await verifyAssets(home);
    expect(report.problems.map((p) => [p.index, p.kind])).toEqual([
      [1, "duplicate_id"],
      [2, "asset_id_mismatch"],
    ]);
  });

  it("reports a genes.json that is not JSON with its line, and leaves the file in place", async () => {
    const home = tempHome();
    const path = writeGepJson(home, "genes.json", { version: 1, genes: [] });
    writeFileSync(path, '{\n  "version": 1,\n  "genes": [,]\n}\n');
    const report = await verifyAssets(home);
    expect(where(report.problems, "assets/gep/genes.json")).toEqual([[3, "not_json"]]);
    expect(existsSync(path)).toBe(true);
  });

  it("reports a document of a newer format version instead of guessing", async () => {
    const home = tempHome();
    writeGepJson(home, "capsules.json", { version: 2, capsules: [] });
    const report = await verifyAssets(home);
    expect(report.problems[0]?.message).toMatch(/format version 2/);
  });
});

describe("AuditIntegrityError", () => {
  it("carries the problems and names file and line in its message", async () => {
    const { home, lines } = await chainOf10();
    lines.splice(4, 1);
    writeEventLines(home, lines);
    const error = AuditIntegrityError.fromProblems((await verifyAssets(home)).problems);
    expect(error.code).toBe("AUDIT_INTEGRITY");
    expect(error.message).toContain(`${EVENTS}:5: parent sha256:`);
    expect(error.problems).toHaveLength(1);
  });
});
