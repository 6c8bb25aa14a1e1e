import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  defineVersionedFile,
  readVersioned,
  StoreCorruptError,
  StoreVersionError,
  updateVersioned,
  writeVersioned,
} from "../../src/store/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

const Counter = defineVersionedFile({
  name: "counter",
  version: 2,
  schema: z.object({ version: z.literal(2), count: z.number(), label: z.string() }),
  migrations: {
    0: (doc) => ({ ...doc, version: 1, count: Number(doc.n ?? 0) }),
    1: (doc) => ({ ...doc, version: 2, label: "migrated" }),
  },
  empty: () => ({ version: 2 as const, count: 0, label: "new" }),
});

const fixedNow = () => new Date("2026-11-21T10:50:01Z");

describe("versioned JSON files", () => {
  it("reads a missing file as the empty document without creating it", async () => {
    const path = join(tempDir(), "c.json");
    expect(await readVersioned(path, Counter)).toEqual({
      value: { version: 2, count: 0, label: "new" },
      existed: false,
      migratedFrom: undefined,
    });
    expect(existsSync(path)).toBe(false);
  });

  it("migrates older formats forward step by step, including unversioned files", async () => {
    const path = join(tempDir(), "c.json");
    writeFileSync(path, JSON.stringify({ n: 7 }));
    const read = await readVersioned(path, Counter);
    expect(read.value).toEqual({ version: 2, count: 7, label: "migrated" });
    expect(read.migratedFrom).toBe(0);
  });

  it("quarantines an unparsable file and says where it went, never resetting it silently", async () => {
    const dir = tempDir();
    const path = join(dir, "c.json");
    writeFileSync(path, '{"version": 2, "count": ');
    const error = await readVersioned(path, Counter, { now: fixedNow }).catch((e) => e);
    expect(error).toBeInstanceOf(StoreCorruptError);
    const aside = join(dir, "c.json.corrupt-20261121T105001Z");
    expect((error as StoreCorruptError).quarantinedTo).toBe(aside);
    expect((error as Error).message).toContain(aside);
    expect((error as Error).message).toContain("To recover");
    expect(readFileSync(aside, "utf8")).toBe('{"version": 2, "count": ');
    expect(existsSync(path)).toBe(false);
  });

  it("quarantines a file that parses but does not match the schema", async () => {
    const dir = tempDir();
    const path = join(dir, "c.json");
    writeFileSync(path, JSON.stringify({ version: 2, count: "many", label: "x" }));
    const error = await readVersioned(path, Counter, { now: fixedNow }).catch((e) => e);
    expect((error as Error).message).toContain("at count");
    expect(readdirSync(dir).some((n) => n.startsWith("c.json.corrupt-"))).toBe(true);
  });

  it("keeps a second quarantined copy instead of replacing the first", async () => {
    const dir = tempDir();
    const path = join(dir, "c.json");
    for (const text of ["{", "["]) {
      writeFileSync(path, text);
      await readVersioned(path, Counter, { now: fixedNow }).catch(() => undefined);
    }
    const copies = readdirSync(dir).filter((n) => n.startsWith("c.json.corrupt-")).sort();
    expect(copies).toEqual([
      "c.json.corrupt-20261121T105001Z",
      "c.json.corrupt-20261121T105001Z-1",
    ]);
  });

  it("leaves a file from a newer lshml untouched", async () => {
    const path = join(tempDir(), "c.json");
    writeFileSync(path, JSON.stringify({ version: 9 }));
    await expect(readVersioned(path, Counter)).rejects.toBeInstanceOf(StoreVersionError);
    expect(readFileSync(path, "utf8")).toBe('{"version":9}');
  });

  it("writes only valid documents", async () => {
    const path = join(tempDir(), "c.json");
    // deno-lint-ignore no-explicit-any
    await expect(writeVersioned(path, Counter, { version: 2, count: "x" } as any)).rejects
      .toThrow(TypeError);
    expect(existsSync(path)).toBe(false);
  });

  it("updates under the lock and writes the migrated format back", async () => {
    const path = join(tempDir(), "c.json");
    writeFileSync(path, JSON.stringify({ version: 1, count: 1 }));
    const next = await updateVersioned(path, Counter, (c) => ({ ...c, count: c.count + 1 }));
    expect(next.count).toBe(2);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({
      version: 2,
      count: 2,
      label: "migrated",
    });
  });

  it("removes temporary files a killed writer left behind", async () => {
    const dir = tempDir();
    const path = join(dir, "c.json");
    writeFileSync(join(dir, ".c.json.tmp-999-abc"), "half");
    await updateVersioned(path, Counter, (c) => c);
    expect(readdirSync(dir).filter((n) => n.includes(".tmp-"))).toEqual([]);
  });
});
