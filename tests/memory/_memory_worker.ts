/**
 * Test helper process for the memory concurrency test: `rounds` times, adds a memory of its
 * own, rewards and selects the shared memory, forgets every tenth of its own, and reads what
 * the other process wrote. Compaction is set to happen often, so compactions race both
 * processes' writes and reloads.
 *
 *   deno run -A _memory_worker.ts HOME NAME ROUNDS
 */
import { EpisodicMemory } from "../../src/memory/mod.ts";
import { tableEmbedder } from "./_vectors.ts";

const [home, name, roundsText] = Deno.args;
if (!home || !name || !roundsText) throw new TypeError("usage: _memory_worker.ts HOME NAME ROUNDS");

const WORKER_CONFIG = { mergeThreshold: 2, compactMinLogBytes: 16_384, compactLogRatio: 0 };

const memory = await EpisodicMemory.open(home, {
  embedder: tableEmbedder("t:8", 8),
  config: { ...WORKER_CONFIG, maxEntries: 100_000 },
  lockTimeoutMs: 60_000,
});
for (let i = 0; i < Number(roundsText); i++) {
  await memory.add({ id: `${name}-${i}`, intent: `${name} memory ${i}`, experience: "e" });
  await memory.updateQ(["shared"], 1);
  await memory.markSelected(["shared"]);
  if (i % 10 === 9) await memory.forget(`${name}-${i - 5}`);
  await memory.search(`memory ${i}`, { delta: -1, k1: 3 });
}
console.log(`done ${memory.size}`);
