import { describe, expect, it } from "vitest";
import {
  type EvictionCandidate,
  isFresh,
  RECENCY_HALF_LIFE_MS,
  retentionValue,
  selectEvictions,
} from "../../src/memory/mod.ts";
import { atCosine, freshMemory, manualClock, tableEmbedder } from "./_helpers.ts";

const NOW = Date.parse("2026-11-21T10:00:00Z");
const DAY = 24 * 3600 * 1000;

function memory(
  id: string,
  ordinal: number,
  over: Partial<EvictionCandidate> = {},
): EvictionCandidate {
  return {
    id,
    ordinal,
    q: 0,
    visits: 0,
    selectedCount: 0,
    successCount: 0,
    failureCount: 0,
    createdAt: NOW,
    lastUsedAt: null,
    ...over,
  };
}

describe("retentionValue()", () => {
  it("is 0.4·(Q+1)/2 + 0.2·s + 0.15·u + 0.25·ρ", () => {
    expect(retentionValue(memory("new", 0), NOW)).toBeCloseTo(0.55, 12);
    const used = memory("used", 0, {
      q: 0.5,
      visits: 4,
      successCount: 3,
      failureCount: 1,
      selectedCount: 20,
      lastUsedAt: NOW - RECENCY_HALF_LIFE_MS,
    });
    const expected = 0.4 * 0.75 + 0.2 * (4 / 6) + 0.15 * 1 + 0.25 * 0.5;
    expect(retentionValue(used, NOW)).toBeCloseTo(expected, 12);
  });

  it("prefers higher Q, more success, more use and more recent use", () => {
    const base = retentionValue(memory("m", 0, { selectedCount: 1, visits: 1 }), NOW);
    expect(retentionValue(memory("m", 0, { q: 0.4, selectedCount: 1, visits: 1 }), NOW))
      .toBeGreaterThan(base);
    expect(retentionValue(memory("m", 0, { successCount: 1, selectedCount: 1, visits: 1 }), NOW))
      .toBeGreaterThan(base);
    expect(retentionValue(memory("m", 0, { selectedCount: 5, visits: 1 }), NOW)).toBeGreaterThan(
      base,
    );
    expect(
      retentionValue(
        memory("m", 0, { selectedCount: 1, visits: 1, createdAt: NOW - 30 * DAY }),
        NOW,
      ),
    )
      .toBeLessThan(base);
  });
});

describe("selectEvictions()", () => {
  const options = { now: NOW, maxEntries: 10, freshQuota: 0.2 };

  it("evicts the lowest value among memories outside the fresh quota", () => {
    const pool = [
      memory("good", 0, { q: 0.8, visits: 5, successCount: 5, selectedCount: 5 }),
      memory("bad", 1, { q: -0.6, visits: 3, failureCount: 3, selectedCount: 3 }),
      memory("meh", 2, { q: 0.1, visits: 1, successCount: 1, selectedCount: 1 }),
      memory("fresh-a", 3),
      memory("fresh-b", 4),
    ];
    expect(selectEvictions(pool, 1, options)).toEqual(["bad"]);
    expect(selectEvictions(pool, 2, options)).toEqual(["bad", "meh"]);
  });

  it("protects fresh memories among the last ⌈quota·maxEntries⌉ added, not older ones", () => {
    const old = memory("old-fresh", 0, { createdAt: NOW - 60 * DAY });
    const proven = memory("proven", 1, { q: 0.9, visits: 9, successCount: 9, selectedCount: 9 });
    const fresh = [2, 3, 4].map((i) => memory(`fresh-${i}`, i, { createdAt: NOW - 60 * DAY }));
    const pool = [old, proven, ...fresh];
    // quota 2: fresh-3 and fresh-4 (the last two added) are protected; older fresh ones compete
    const evicted = selectEvictions(pool, 2, options);
    expect(evicted).toEqual(["old-fresh", "fresh-2"]);
    expect(evicted).not.toContain("fresh-4");
    expect(isFresh(proven)).toBe(false);
  });

  it("ends the protection once a memory is used: it then competes on value", () => {
    const pool = [
      memory("proven", 0, { q: 0.9, visits: 9, successCount: 9, selectedCount: 9 }),
      memory("tried-and-failed", 1, { q: -0.3, visits: 1, failureCount: 1, selectedCount: 1 }),
      memory("fresh", 2),
    ];
    expect(selectEvictions(pool, 1, { now: NOW, maxEntries: 10, freshQuota: 0.5 }))
      .toEqual(["tried-and-failed"]);
  });

  it("still keeps the limit when everything is protected, dropping the oldest", () => {
    const pool = [0, 1, 2].map((i) => memory(`f${i}`, i));
    expect(selectEvictions(pool, 1, { now: NOW, maxEntries: 3, freshQuota: 0.99 })).toEqual(["f0"]);
  });
});

describe("retention through add()", () => {
  it("keeps high-value memories and a new one at the limit, evicting the worst", async () => {
    const clock = manualClock(NOW);
    const { memory: store } = await freshMemory({
      embedder: tableEmbedder("t:8", 8),
      now: clock.now,
      config: { maxEntries: 5, freshQuota: 0.2, mergeThreshold: 2 },
    });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (await store.add({ intent: `m${i}`, experience: "", vector: atCosine(0.1 * i, 1 + i) })).id,
      );
      clock.advance(1000);
    }
    await store.markSelected(ids);
    await store.updateQ([ids[0]!, ids[1]!], 1);
    await store.updateQ([ids[2]!], -1);
    await store.updateQ([ids[3]!, ids[4]!], 0.2);
    const added = await store.add({ intent: "new", experience: "", vector: atCosine(0.5, 7) });
    expect(added).toMatchObject({ action: "added", evicted: [ids[2]] });
    expect(store.size).toBe(5);
    expect(store.get(ids[2]!)).toBeUndefined();
    expect(store.get(added.id)).toBeDefined();
    for (const id of [ids[0], ids[1]]) expect(store.get(id!)).toBeDefined();
  });

  it("skips a queued eviction candidate whose value changed since it was queued", async () => {
    const { memory: store } = await freshMemory({
      embedder: tableEmbedder("t:8", 8),
      config: { maxEntries: 300, freshQuota: 0.05, mergeThreshold: 2 },
    });
    const ids = (await store.addMany(Array.from({ length: 300 }, (_, i) => ({
      intent: `m${i}`,
      experience: "",
      vector: atCosine(0.5, 1 + (i % 7)),
    })))).map((r) => r.id);
    await store.updateQ(ids.slice(0, 100), -1); // the 100 worst: Q = -0.3, a failure each
    await store.updateQ(ids.slice(100), 1);
    const first = await store.add({ intent: "a", experience: "", vector: atCosine(0.1) });
    expect(first).toMatchObject({ action: "added", evicted: [ids[0]] });
    await store.updateQ([ids[1]!], 1); // the next in line is worth keeping now
    await store.updateQ([ids[1]!], 1);
    const second = await store.add({ intent: "b", experience: "", vector: atCosine(0.2) });
    expect(second).toMatchObject({ action: "added", evicted: [ids[2]] });
    expect(store.get(ids[1]!)).toBeDefined();
  });

  it("a flood of new memories cannot push out the fresh quota's newest", async () => {
    const { memory: store } = await freshMemory({
      embedder: tableEmbedder("t:8", 8),
      config: { maxEntries: 20, freshQuota: 0.25, mergeThreshold: 2 },
    });
    const added: string[] = [];
    for (let i = 0; i < 60; i++) {
      added.push(
        (await store.add({ intent: `m${i}`, experience: "", vector: atCosine(0.5, 1 + (i % 7)) }))
          .id,
      );
    }
    expect(store.size).toBe(20);
    for (const id of added.slice(-5)) expect(store.get(id)).toBeDefined(); // ⌈0.25·20⌉ = 5
  });
});
