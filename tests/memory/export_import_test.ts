import { describe, expect, it } from "vitest";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { MemoryExportSchema } from "../../src/memory/mod.ts";
import { freshMemory, tableEmbedder } from "./_helpers.ts";

describe("exportAll() / importAll()", () => {
  it("carries text and metadata, and the import embeds the intents in its own space", async () => {
    const { memory: source } = await freshMemory({
      embedder: createLocalEmbedder({ dimensions: 128 }),
    });
    const a = await source.add({
      intent: "npm install fails with EACCES",
      experience: "fix ~/.npm owner",
    });
    await source.add({
      intent: "docker build runs out of disk",
      experience: "docker system prune",
    });
    await source.updateQ([a.id], 1);
    const exported = source.exportAll();
    expect(MemoryExportSchema.parse(JSON.parse(JSON.stringify(exported)))).toEqual(exported);
    expect(JSON.stringify(exported)).not.toContain("vector");

    const target = tableEmbedder("target:32", 32);
    const { memory } = await freshMemory({ embedder: target });
    const result = await memory.importAll(exported);
    expect(result).toEqual({ imported: 2, merged: 0, skipped: 0, evicted: 0, invalid: [] });
    expect(target.calls).toBe(2);
    const copy = memory.get(a.id)!;
    expect(copy).toMatchObject({ intent: "npm install fails with EACCES", q: 0.3, visits: 1 });
    expect(copy.space).toBe("target:32");
    expect(copy.createdAt).toBe(source.get(a.id)!.createdAt);

    expect(await memory.importAll(exported)).toMatchObject({ imported: 0, skipped: 2 });
  });

  it("reports records that are not memories and imports the rest", async () => {
    const { memory } = await freshMemory({ embedder: tableEmbedder("t:8", 8) });
    const good = {
      id: "m1",
      intent: "i",
      experience: "e",
      space: "x",
      q: 0,
      visits: 0,
      selectedCount: 0,
      successCount: 0,
      failureCount: 0,
      lastReward: null,
      createdAt: "2026-11-21T10:00:00.000Z",
      updatedAt: "2026-11-21T10:00:00.000Z",
      origin: "local",
    };
    const result = await memory.importAll([good, { ...good, id: "m2", q: 7 }, "nope"]);
    expect(result.imported).toBe(1);
    expect(result.invalid.map((i) => i.index)).toEqual([1, 2]);
  });
});
