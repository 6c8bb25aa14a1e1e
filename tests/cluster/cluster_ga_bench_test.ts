import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { groupingAccuracy } from "../../scripts/bench/_ga.ts";
import {
  formatClusterBenchmark,
  parseCsv,
  readLoghubCsv,
  runClusterBenchmark,
} from "../../scripts/bench/cluster_ga.ts";

describe("groupingAccuracy()", () => {
  it("is 1 when the clusters equal the truth up to renaming", () => {
    expect(groupingAccuracy(["a", "a", "b", "c"], ["x", "x", "y", "z"])).toBe(1);
  });

  it("counts no line of a cluster that mixes two events", () => {
    expect(groupingAccuracy(["a", "a", "a", "b"], ["x", "x", "y", "z"])).toBe(0.25);
  });

  it("counts no line of an event split over two clusters", () => {
    expect(groupingAccuracy(["a", "b", "c", "c"], ["x", "x", "y", "y"])).toBe(0.5);
  });

  it("is 1 for no lines and rejects arrays of different lengths", () => {
    expect(groupingAccuracy([], [])).toBe(1);
    expect(() => groupingAccuracy(["a"], [])).toThrow(RangeError);
  });
});

describe("parseCsv()", () => {
  it("handles quoted commas, doubled quotes, line breaks in quotes and CRLF", () => {
    const text = 'a,"b,c","say ""hi"""\r\n1,"two\nlines",\n,,x';
    expect(parseCsv(text)).toEqual([
      ["a", "b,c", 'say "hi"'],
      ["1", "two\nlines", ""],
      ["", "", "x"],
    ]);
  });

  it("keeps a trailing empty field and needs no final newline", () => {
    expect(parseCsv("a,")).toEqual([["a", ""]]);
    expect(parseCsv("a\n")).toEqual([["a"]]);
  });

  it("rejects an unterminated quote and a stray quote", () => {
    expect(() => parseCsv('a,"b')).toThrow(SyntaxError);
    expect(() => parseCsv('a,b"c')).toThrow(SyntaxError);
    expect(() => parseCsv('"a"b')).toThrow(SyntaxError);
  });
});

describe("readLoghubCsv()", () => {
  it("reads the Content and EventId columns", () => {
    const csv = 'LineId,Content,EventId,EventTemplate\n1,"x, y",E1,"x, y"\n2,z,E2,z\n';
    expect(readLoghubCsv(csv)).toEqual({ content: ["x, y", "z"], truth: ["E1", "E2"] });
  });

  it("rejects a file without the columns or with a short row", () => {
    expect(() => readLoghubCsv("LineId,Text\n1,a\n")).toThrow(SyntaxError);
    expect(() => readLoghubCsv("Content,EventId\na\n")).toThrow(SyntaxError);
  });
});

describe("runClusterBenchmark()", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "lshml-cluster-ga-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("scores every system in the folder", async () => {
    const rows = [
      "LineId,Content,EventId",
      "1,Invalid user admin from 10.0.0.1,E1",
      '2,"Failed password for root from 10.0.0.2 port 22 ssh2",E2',
      "3,Invalid user oracle from 10.0.0.3,E1",
    ];
    await writeFile(join(dir, "Tiny_2k.log_structured_corrected.csv"), rows.join("\n") + "\n");
    const result = await runClusterBenchmark({ dataDir: dir, repeat: 1 });
    expect(result).toMatchObject({
      skipped: false,
      meanGa: 1,
      systems: [{ system: "Tiny", lines: 3, events: 2, clusters: 2, ga: 1 }],
    });
    expect(formatClusterBenchmark(result)).toContain("Drain (published)");
  });

  it("uses the given assigner", async () => {
    const rows = ["Content,EventId", "a,E1", "b,E2"];
    await writeFile(join(dir, "T_2k.log_structured_corrected.csv"), rows.join("\n"));
    const result = await runClusterBenchmark({ dataDir: dir, repeat: 1, assign: () => ["1", "1"] });
    expect(result).toMatchObject({ skipped: false, meanGa: 0 });
  });

  it("skips with a reason when the data is missing", async () => {
    const result = await runClusterBenchmark({ dataDir: join(dir, "missing") });
    expect(result).toEqual({ skipped: true, reason: expect.stringContaining("missing") });
    expect(formatClusterBenchmark(result)).toMatch(/skipped/);
  });
});

const LOGHUB = fileURLToPath(
  new URL("../../../shared/data/loghub_2k_corrected", import.meta.url),
);

describe("the template miner on Loghub", () => {
  it.skipIf(!existsSync(LOGHUB))("keeps mean grouping accuracy at or above 0.90", async () => {
    const result = await runClusterBenchmark({ dataDir: LOGHUB, repeat: 1 });
    if (result.skipped) throw new Error(result.reason);
    expect(result.systems.length).toBeGreaterThanOrEqual(8);
    expect(result.meanGa).toBeGreaterThanOrEqual(0.9);
  });
});
