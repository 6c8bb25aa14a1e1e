import {
  appendFileSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StoreCorruptError } from "../../src/store/mod.ts";
import { EpisodicMemory } from "../../src/memory/mod.ts";
import { atCosine, freshMemory, manualClock, tableEmbedder, unit } from "./_helpers.ts";

const embedder = tableEmbedder("t:8", 8);
const files = (home: string) => readdirSync(join(home, "memory")).sort();
const fileState = (path: string) => {
  const s = statSync(path);
  return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
};

async function populated() {
  const clock = manualClock();
  const { home, memory } = await freshMemory({
    embedder,
    now: clock.now,
    config: { mergeThreshold: 2 },
  });
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    ids.push(
      (await memory.add({
        intent: `intent ${i}`,
        experience: `exp ${i}`,
        vector: atCosine(0.2 + 0.1 * i, 1 + i),
      })).id,
    );
    clock.advance(1000);
  }
  await memory.updateQ([ids[0]!, ids[1]!], 1);
  await memory.markSelected([ids[2]!]);
  await memory.forget(ids[3]!);
  return { home, memory, ids, clock };
}

describe("persistence", () => {
  it("round-trips through the log and through a snapshot", async () => {
    const { home, memory } = await populated();
    const reopened = await EpisodicMemory.open(home, { embedder });
    expect(reopened.list({ sort: "created" })).toEqual(memory.list({ sort: "created" }));
    const query = unit([1]);
    expect(reopened.recall(query, { delta: -1 })).toEqual(memory.recall(query, { delta: -1 }));
    expect(await memory.compact()).toBe(true);
    expect(memory.stats().files).toMatchObject({ generation: 1, logBytes: 0 });
    const fromSnapshot = await EpisodicMemory.open(home, { embedder });
    expect(fromSnapshot.list({ sort: "created" })).toEqual(memory.list({ sort: "created" }));
    expect(fromSnapshot.recall(query, { delta: -1 })).toEqual(memory.recall(query, { delta: -1 }));
    expect(files(home).filter((f) => !f.includes(".lock"))).toEqual([
      "episodic-memory.json",
      "episodic-memory.ops.1.jsonl",
      "episodic-memory.sidecar.1.bin",
    ]);
  });

  it("a learning step appends one short line and rewrites nothing", async () => {
    const { home, memory, ids } = await populated();
    await memory.compact();
    const dir = join(home, "memory");
    const meta = fileState(join(dir, "episodic-memory.json"));
    const vectors = fileState(join(dir, "episodic-memory.sidecar.1.bin"));
    const log = join(dir, "episodic-memory.ops.1.jsonl");
    const before = statSync(log).size;
    await new Promise((r) => setTimeout(r, 20)); // an mtime would move
    await memory.updateQ([ids[0]!], -1);
    const step = statSync(log).size - before;
    expect(step).toBeGreaterThan(0);
    expect(step).toBeLessThan(400);
    expect(readFileSync(log, "utf8").trim().split("\n")).toHaveLength(1);
    expect(fileState(join(dir, "episodic-memory.json"))).toEqual(meta);
    expect(fileState(join(dir, "episodic-memory.sidecar.1.bin"))).toEqual(vectors);
    expect(step).toBeLessThan(meta.size + vectors.size);
  });

  it("compacts by itself once the log outgrows its threshold, keeping every memory", async () => {
    const { home, memory } = await freshMemory({
      embedder,
      config: { compactMinLogBytes: 4096, compactLogRatio: 0, mergeThreshold: 2 },
    });
    for (let i = 0; i < 30; i++) {
      await memory.add({ intent: `m${i}`, experience: "", vector: atCosine(0.5, 1 + (i % 7)) });
    }
    expect(memory.stats().files.generation).toBeGreaterThan(1);
    expect(memory.stats().files.logBytes).toBeLessThanOrEqual(4096);
    const reopened = await EpisodicMemory.open(home, { embedder });
    expect(reopened.size).toBe(30);
    expect(files(home).filter((f) => f.endsWith(".bin"))).toHaveLength(1);
  });

  it("another instance sees new log lines, then a compaction, on refresh()", async () => {
    const { home, memory: a } = await freshMemory({ embedder, config: { mergeThreshold: 2 } });
    const b = await EpisodicMemory.open(home, { embedder });
    expect(await b.refresh()).toBe(false);
    const added = await a.add({ intent: "x", experience: "y", vector: atCosine(0.7) });
    expect(b.get(added.id)).toBeUndefined();
    expect(await b.refresh()).toBe(true);
    expect(b.get(added.id)).toMatchObject({ intent: "x", experience: "y" });
    await a.updateQ([added.id], 1);
    await a.compact();
    await a.updateQ([added.id], 1);
    expect(await b.refresh()).toBe(true);
    expect(b.get(added.id)).toEqual(a.get(added.id));
    expect(b.get(added.id)!.visits).toBe(2);
  });

  it("tolerates a torn last line, and sets it aside on the next write", async () => {
    const { home, memory, ids } = await populated();
    const log = join(home, "memory", "episodic-memory.ops.0.jsonl");
    appendFileSync(log, '{"op":"patch","reason":"reward","chan');
    const reopened = await EpisodicMemory.open(home, { embedder });
    expect(reopened.list({ sort: "created" })).toEqual(memory.list({ sort: "created" }));
    await reopened.updateQ([ids[0]!], 1);
    expect(files(home).some((f) => f.startsWith("episodic-memory.ops.0.jsonl.torn-"))).toBe(true);
    const again = await EpisodicMemory.open(home, { embedder });
    expect(again.get(ids[0]!)!.visits).toBe(2);
    expect(again.stats().files.skippedLogLines).toBe(0);
  });

  it("moves an unreadable metadata file aside and says so", async () => {
    const { home, memory } = await populated();
    await memory.compact();
    writeFileSync(join(home, "memory", "episodic-memory.json"), "{ not json");
    const error = await EpisodicMemory.open(home, { embedder }).catch((e) => e);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect(files(home).some((f) => f.startsWith("episodic-memory.json.corrupt-"))).toBe(true);
  });
});

describe("a missing vectors sidecar", () => {
  it("is reported as corrupt, not retried forever", async () => {
    const { home, memory } = await freshMemory({ embedder: tableEmbedder("t:8", 8) });
    await memory.add({ intent: "x", experience: "", vector: atCosine(1) });
    await memory.compact();
    rmSync(join(home, "memory", "episodic-memory.sidecar.1.bin"));
    const error = await EpisodicMemory.open(home, { embedder }).catch((e) => e);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect(String(error.message)).toContain("sidecar");
  });
});

describe("texts in the sidecar", () => {
  it("survive a snapshot in any script, and a merge that replaced one", async () => {
    const texts = [
      "构建失败：找不到模块 lodash",
      "ビルドが失敗します 🚀",
      "naïve café — “quoted”",
      "",
    ];
    const { home, memory } = await freshMemory({ embedder, config: { mergeThreshold: 0.95 } });
    const ids: string[] = [];
    for (const [i, text] of texts.entries()) {
      ids.push(
        (await memory.add({
          intent: text,
          experience: `${text}!`,
          vector: atCosine(0.1 * i, 1 + i),
        })).id,
      );
    }
    await memory.compact();
    const reopened = await EpisodicMemory.open(home, { embedder });
    for (const [i, text] of texts.entries()) {
      expect(reopened.get(ids[i]!)).toMatchObject({ intent: text, experience: `${text}!` });
    }
    await reopened.updateQ([ids[0]!], -1);
    await reopened.add({ intent: "dup", experience: "better way", vector: atCosine(0, 1) });
    expect(reopened.get(ids[0]!)!.experience).toBe("better way");
    await reopened.compact();
    const again = await EpisodicMemory.open(home, { embedder });
    expect(again.get(ids[0]!)).toMatchObject({ intent: texts[0], experience: "better way" });
    expect(again.exportAll().memories.map((m) => m.intent)).toEqual(texts);
  });
});
