import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { appendJsonl, readJsonl } from "../../src/store/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

const fixedNow = () => new Date("2026-11-21T10:00:00Z");

describe("JSONL files", () => {
  it("reads a missing file as empty", async () => {
    const read = await readJsonl(join(tempDir(), "none.jsonl"));
    expect(read).toMatchObject({ records: [], invalid: [], tornTail: undefined, endOffset: 0 });
  });

  it("appends records one per line and reads them back with their line numbers", async () => {
    const path = join(tempDir(), "a.jsonl");
    await appendJsonl(path, [{ n: 1 }, { n: 2 }]);
    await appendJsonl(path, [{ n: 3 }]);
    expect(readFileSync(path, "utf8")).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');
    const read = await readJsonl(path);
    expect(read.records).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(read.recordLines).toEqual([1, 2, 3]);
  });

  it("skips and counts a torn last line instead of failing", async () => {
    const path = join(tempDir(), "t.jsonl");
    writeFileSync(path, '{"n":1}\n{"n":2}\n{"n":');
    const read = await readJsonl(path);
    expect(read.records).toEqual([{ n: 1 }, { n: 2 }]);
    expect(read.tornTail).toEqual({ line: 3, bytes: 5 });
    expect(read.endOffset).toBe(16);
  });

  it("sets a torn tail aside before the next append, so no record is glued to it", async () => {
    const dir = tempDir();
    const path = join(dir, "t.jsonl");
    writeFileSync(path, '{"n":1}\n{"n":');
    const result = await appendJsonl(path, [{ n: 2 }], { now: fixedNow });
    expect(readFileSync(path, "utf8")).toBe('{"n":1}\n{"n":2}\n');
    expect(result.tornTailSavedTo).toBeDefined();
    expect(readFileSync(result.tornTailSavedTo as string, "utf8")).toBe('{"n":');
    expect(readdirSync(dir).filter((n) => n.includes(".torn-"))).toHaveLength(1);
  });

  it("counts lines that are not JSON or fail the schema, and keeps going", async () => {
    const path = join(tempDir(), "s.jsonl");
    writeFileSync(path, '{"n":1}\nnot json\n{"n":"two"}\n\n{"n":4}\n');
    const read = await readJsonl(path, { schema: z.object({ n: z.number() }) });
    expect(read.records).toEqual([{ n: 1 }, { n: 4 }]);
    expect(read.recordLines).toEqual([1, 5]);
    expect(read.invalid.map((p) => p.line)).toEqual([2, 3]);
    expect(read.invalid[1]?.reason).toContain("invalid record at n");
  });

  it("resumes from an offset: an incremental reader sees only new lines", async () => {
    const path = join(tempDir(), "o.jsonl");
    await appendJsonl(path, [{ n: 1 }]);
    const first = await readJsonl(path);
    await appendJsonl(path, [{ n: 2 }]);
    const next = await readJsonl(path, { fromOffset: first.endOffset, firstLine: 2 });
    expect(next.records).toEqual([{ n: 2 }]);
    expect(next.recordLines).toEqual([2]);
  });

  it("refuses a record JSON cannot represent", async () => {
    await expect(appendJsonl(join(tempDir(), "u.jsonl"), [undefined])).rejects.toThrow(TypeError);
  });
});
