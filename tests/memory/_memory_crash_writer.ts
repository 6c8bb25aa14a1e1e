/**
 * Test helper process for the memory kill -9 test: writes as fast as it can — an add, a reward
 * of the shared memory, now and then a forget — and prints an acknowledgement after each write
 * has returned (so after its fsync). Compaction is frequent, so kills land inside compactions
 * too. The parent kills it at a random moment.
 *
 *   deno run -A _memory_crash_writer.ts HOME START_SEQ
 */
import { EpisodicMemory } from "../../src/memory/mod.ts";
import { tableEmbedder } from "./_vectors.ts";

const [home, startText] = Deno.args;
if (!home || !startText) throw new TypeError("usage: _memory_crash_writer.ts HOME START_SEQ");
const encoder = new TextEncoder();
const say = (text: string) => Deno.stdout.writeSync(encoder.encode(`${text}\n`));

const memory = await EpisodicMemory.open(home, {
  embedder: tableEmbedder("t:8", 8),
  config: { mergeThreshold: 2, maxEntries: 100_000, compactMinLogBytes: 8_192, compactLogRatio: 0 },
});
say("ready");
for (let seq = Number(startText);; seq++) {
  // Experiences from a few bytes to ~20 kB, so some lines need several write() calls.
  const experience = "x".repeat(Math.floor(Math.random() ** 3 * 20_000));
  await memory.add({ id: `c-${seq}`, intent: `crash memory ${seq}`, experience });
  say(`a ${seq}`);
  await memory.updateQ(["shared"], 1);
  say(`q ${seq}`);
  if (seq % 7 === 3) {
    await memory.forget(`c-${seq - 2}`);
    say(`f ${seq - 2}`);
  }
}
