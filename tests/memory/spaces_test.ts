import { describe, expect, it } from "vitest";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { EpisodicMemory } from "../../src/memory/mod.ts";
import { atCosine, freshMemory, tableEmbedder } from "./_helpers.ts";

describe("embedding spaces", () => {
  it("keeps memories of another space out of recall until they are re-embedded", async () => {
    const old = tableEmbedder("old:8", 8);
    const { home, memory } = await freshMemory({ embedder: old });
    await memory.add({
      intent: "fix the proxy",
      experience: "set HTTPS_PROXY",
      vector: atCosine(1),
    });
    await memory.add({ intent: "fix the cache", experience: "clear it", vector: atCosine(0.2, 2) });

    const next = tableEmbedder("new:16", 16);
    const reopened = await EpisodicMemory.open(home, { embedder: next });
    expect(reopened.stats()).toMatchObject({
      space: "new:16",
      spaces: { "old:8": 2 },
      due: { reembed: 2 },
    });
    const before = await reopened.search("fix the proxy", { delta: -1 });
    expect(before).toMatchObject({ space: "new:16", candidates: [], searched: 0, otherSpaces: 2 });

    // a memory written now lands in the new space; the two spaces coexist, never compared
    await reopened.add({ intent: "fix the proxy", experience: "a new way" });
    expect(reopened.stats().spaces).toEqual({ "old:8": 2, "new:16": 1 });

    const progress: number[] = [];
    expect(await reopened.reembed({ onProgress: (done) => progress.push(done) })).toBe(2);
    expect(progress.at(-1)).toBe(2);
    expect(reopened.stats()).toMatchObject({ spaces: { "new:16": 3 }, due: { reembed: 0 } });
    for (const m of reopened.list()) expect(m.space).toBe("new:16");
    const after = await reopened.search("fix the proxy", { delta: -1, k1: 3 });
    expect(after.candidates).toHaveLength(3);
    expect(after.candidates[0]!.similarity).toBeCloseTo(1, 5);

    const third = await EpisodicMemory.open(home, { embedder: next });
    expect(third.stats().spaces).toEqual({ "new:16": 3 });
  });

  it("does not merge a duplicate that lives in another space", async () => {
    const { home, memory } = await freshMemory({ embedder: tableEmbedder("a:8", 8) });
    await memory.add({ intent: "same", experience: "", vector: atCosine(1) });
    const other = await EpisodicMemory.open(home, { embedder: tableEmbedder("b:8", 8) });
    expect((await other.add({ intent: "same", experience: "", vector: atCosine(1) })).action).toBe(
      "added",
    );
    expect(other.stats().spaces).toEqual({ "a:8": 1, "b:8": 1 });
  });

  it("re-embeds a vector computed in a space that changed before the write", async () => {
    const { memory } = await freshMemory({ embedder: tableEmbedder("a:8", 8) });
    const result = await memory.add({
      intent: "stale",
      experience: "",
      vector: atCosine(1, 1, 16),
      space: "elsewhere:16",
    });
    expect(memory.get(result.id)!.space).toBe("a:8");
  });

  it("fits the local embedder's statistics when due, in a new space, re-embedding all", async () => {
    const base = createLocalEmbedder({ dimensions: 256 });
    const { home, memory } = await freshMemory({ embedder: base, config: { maxEntries: 10_000 } });
    const topics = ["npm install", "docker build", "git push", "pytest run", "kubectl apply"];
    const texts = Array.from({ length: 200 }, (_, i) => `${topics[i % 5]} fails with error ${i}`);
    await memory.addMany(texts.map((t) => ({ intent: t, experience: "" })), { merge: false });
    expect(memory.space).toBe(base.space);
    expect(memory.stats().due.refit).toBe(true);

    const done = await memory.maintain();
    expect(done).toMatchObject({ refitted: true, reembedded: 200 });
    expect(memory.space).toMatch(/^local:hash-ngram:v1:256:idf-[0-9a-f]{16}$/);
    expect(memory.stats()).toMatchObject({
      spaces: { [memory.space]: 200 },
      statistics: { documents: 200, addsSinceFit: 0 },
      due: { refit: false, reembed: 0 },
    });

    const other = await EpisodicMemory.open(home, { embedder: base });
    expect(other.space).toBe(memory.space); // the fit is stored with the memory
    const found = await other.search("docker build fails", { k1: 3 });
    expect(found.candidates.map((c) => c.memory.intent.slice(0, 12))).toEqual(
      ["docker build", "docker build", "docker build"],
    );
    expect((await other.maintain()).refitted).toBe(false); // not due again until +50%
  });
});
