import { describe, expect, it } from "vitest";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { mergeDuplicate } from "../../src/memory/mod.ts";
import { atCosine, freshMemory, tableEmbedder } from "./_helpers.ts";

const side = (over: Partial<Parameters<typeof mergeDuplicate>[0]> = {}) => ({
  experience: "stored",
  q: 0,
  visits: 0,
  selectedCount: 0,
  successCount: 0,
  failureCount: 0,
  lastReward: null,
  createdAt: 1000,
  lastUsedAt: null,
  origin: "local" as const,
  ...over,
});

describe("mergeDuplicate()", () => {
  it("adds the counts and keeps the stored text unless the incoming Q is higher", () => {
    const stored = side({ q: 0.6, visits: 3, selectedCount: 4, successCount: 2, failureCount: 1 });
    const incoming = side({
      experience: "incoming",
      q: 0,
      visits: 1,
      successCount: 1,
      createdAt: 500,
    });
    expect(mergeDuplicate(stored, incoming)).toEqual({
      experience: "stored",
      q: 0.6,
      visits: 4,
      selectedCount: 4,
      successCount: 3,
      failureCount: 1,
      lastReward: null,
      createdAt: 500,
      lastUsedAt: null,
      origin: "local",
      tookIncomingText: false,
    });
  });

  it("replaces a failed strategy's text, and its Q, with the new one", () => {
    const merged = mergeDuplicate(
      side({ q: -0.5, failureCount: 2 }),
      side({ experience: "new", q: 0 }),
    );
    expect(merged).toMatchObject({
      experience: "new",
      q: 0,
      failureCount: 2,
      tookIncomingText: true,
    });
  });
  it("with refines, takes the incoming text and keeps the stored Q (the success it earned)", () => {
    const merged = mergeDuplicate(
      side({ experience: "Avoid: npm run build without npm ci", q: 0.3, successCount: 1 }),
      side({ experience: "Worked: npm ci, then npm run build", q: 0, successCount: 1 }),
      { refines: true },
    );
    expect(merged).toMatchObject({
      experience: "Worked: npm ci, then npm run build",
      q: 0.3,
      successCount: 2,
      tookIncomingText: true,
    });
  });
});

describe("near-duplicate merging in add()", () => {
  it("merges at cosine ≥ the threshold in the same space, and stores anything below it", async () => {
    const { memory } = await freshMemory({
      embedder: tableEmbedder("t:8", 8),
      config: { mergeThreshold: 0.95 },
    });
    const first = await memory.add({ intent: "a", experience: "first", vector: atCosine(1) });
    const near = await memory.add({ intent: "a'", experience: "second", vector: atCosine(0.96) });
    const far = await memory.add({ intent: "b", experience: "third", vector: atCosine(0.94, 2) });
    expect(near).toMatchObject({ action: "merged", id: first.id, tookIncomingText: false });
    if (near.action === "merged") expect(near.similarity).toBeCloseTo(0.96, 5);
    expect(far.action).toBe("added");
    expect(memory.size).toBe(2);
    expect(memory.get(first.id)).toMatchObject({ intent: "a", experience: "first" });
  });

  it("keeps the better-valued experience and the merged history", async () => {
    const { memory } = await freshMemory({ embedder: tableEmbedder("t:8", 8) });
    const stored = await memory.add({
      intent: "deploy",
      experience: "old way",
      vector: atCosine(1),
    });
    await memory.updateQ([stored.id], -1); // Q = -0.3: the old way failed
    await memory.add({ intent: "deploy!", experience: "new way", vector: atCosine(0.99) });
    expect(memory.get(stored.id)).toMatchObject({
      experience: "new way",
      q: 0,
      visits: 1,
      failureCount: 1,
    });
  });

  it("a success that used the stored memory (refines) replaces its text; another success does not", async () => {
    const { memory } = await freshMemory({ embedder: tableEmbedder("t:8", 8) });
    const hint = await memory.add({ intent: "build", experience: "Avoid: x", vector: atCosine(1) });
    await memory.updateQ([hint.id], 1); // used in a task that then succeeded: Q = 0.3
    const other = await memory.add({
      intent: "build!",
      experience: "Worked: y",
      vector: atCosine(0.99),
      refines: ["someone-else"],
    });
    expect(other).toMatchObject({ action: "merged", tookIncomingText: false });
    expect(memory.get(hint.id)).toMatchObject({ experience: "Avoid: x" });
    const refined = await memory.add({
      intent: "build?",
      experience: "Worked: npm ci first",
      vector: atCosine(0.99),
      refines: [hint.id],
    });
    expect(refined).toMatchObject({ action: "merged", id: hint.id, tookIncomingText: true });
    expect(memory.get(hint.id)).toMatchObject({ experience: "Worked: npm ci first" });
    expect(memory.get(hint.id)!.q).toBeCloseTo(0.3, 10);
  });

  it("does not merge distinct real sentences (local embedder)", async () => {
    const { memory } = await freshMemory({ embedder: createLocalEmbedder() });
    const texts = [
      "npm install fails with EACCES in the monorepo",
      "npm install fails with ENOSPC in the monorepo",
      "docker build fails with EACCES in CI",
      "Caroline: I went to the LGBTQ support group yesterday",
      "Melanie: I went to the pottery class yesterday",
    ];
    const results = [];
    for (const text of texts) results.push(await memory.add({ intent: text, experience: "" }));
    expect(results.map((r) => r.action)).toEqual(texts.map(() => "added"));
    const again = await memory.add({ intent: texts[0]!, experience: "" });
    expect(again).toMatchObject({ action: "merged", id: results[0]!.id });
  });

  it("can be turned off", async () => {
    const { memory } = await freshMemory({ embedder: tableEmbedder("t:8", 8) });
    await memory.add({ intent: "x", experience: "", vector: atCosine(1) });
    const off = await memory.addMany([{ intent: "x", experience: "", vector: atCosine(1) }], {
      merge: false,
    });
    expect(off[0]!.action).toBe("added");
    expect(memory.size).toBe(2);
  });
});
