/**
 * Durable-store throughput: a fsynced JSONL append and a locked, atomic
 * read-modify-write of a versioned JSON file, one process, median per op.
 *
 * @module
 */
import { join } from "node:path";
import { z } from "zod";
import { appendJsonl, defineVersionedFile, updateVersioned } from "../../src/store/mod.ts";
import { median } from "./_stats.ts";

const Counter = defineVersionedFile({
  name: "bench counter",
  version: 1,
  schema: z.object({ version: z.literal(1), n: z.number() }),
  empty: () => ({ version: 1 as const, n: 0 }),
});

/** Milliseconds per operation (median). */
export interface StoreResult {
  readonly ops: number;
  readonly appendMs: number;
  readonly updateMs: number;
}

export async function runStoreBenchmark(ops = 500): Promise<StoreResult> {
  const dir = await Deno.makeTempDir({ prefix: "lshml-bench-store-" });
  const appends: number[] = [];
  const updates: number[] = [];
  for (let i = 0; i < ops; i++) {
    let start = performance.now();
    await appendJsonl(join(dir, "log.jsonl"), [{ i, text: "x".repeat(200) }]);
    appends.push(performance.now() - start);
    start = performance.now();
    await updateVersioned(join(dir, "c.json"), Counter, (c) => ({ ...c, n: c.n + 1 }));
    updates.push(performance.now() - start);
  }
  await Deno.remove(dir, { recursive: true });
  return { ops, appendMs: median(appends), updateMs: median(updates) };
}

if (import.meta.main) {
  const r = await runStoreBenchmark();
  console.log(
    `store: append ${r.appendMs.toFixed(3)} ms/op, locked update ${r.updateMs.toFixed(3)} ms/op`,
  );
}
