import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { killWriter } from "../_helpers/kill_writer.ts";
import { EpisodicMemory } from "../../src/memory/mod.ts";
import { freshMemory, tableEmbedder } from "./_helpers.ts";

const WRITER = fileURLToPath(new URL("./_memory_crash_writer.ts", import.meta.url));
const KILLS = 60;

/** Runs the writer until a random moment, kills it with SIGKILL, returns its acknowledgements. */
async function runAndKill(home: string, startSeq: number): Promise<string[]> {
  const lines = await killWriter(WRITER, [home, String(startSeq)], 80);
  return lines.filter((line) => /^[aqf] /.test(line));
}

describe("kill -9 during episodic-memory writes", () => {
  it(`loses no acknowledged write and leaves a readable store after ${KILLS} kills`, async () => {
    const embedder = tableEmbedder("t:8", 8);
    const { home, memory } = await freshMemory({ embedder });
    await memory.add({ id: "shared", intent: "shared memory", experience: "" });
    const added = new Set<number>();
    const forgotten = new Set<number>();
    const maybeForgotten = new Set<number>(); // a forget that may have landed unacknowledged
    let rewards = 0;
    let seq = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const acks = await runAndKill(home, seq);
      for (const ack of acks) {
        const n = Number(ack.slice(2));
        if (ack.startsWith("a ")) added.add(n);
        else if (ack.startsWith("f ")) forgotten.add(n);
        else rewards++;
        seq = Math.max(seq, n + 1);
      }
      // The writer's next step after its last acknowledgement was in flight when it died.
      const last = acks.at(-1);
      if (last?.startsWith("q ") && Number(last.slice(2)) % 7 === 3) {
        maybeForgotten.add(Number(last.slice(2)) - 2);
      }
      seq += 3; // a write in flight may have landed without its acknowledgement
      const after = await EpisodicMemory.open(home, { embedder });
      expect(after.stats().files.skippedLogLines).toBe(0);
      for (const n of added) {
        if (maybeForgotten.has(n) && !forgotten.has(n)) continue; // either outcome is right
        expect(after.get(`c-${n}`) === undefined).toBe(forgotten.has(n));
      }
      const visits = after.get("shared")!.visits;
      expect(visits).toBeGreaterThanOrEqual(rewards);
      expect(visits).toBeLessThanOrEqual(rewards + kill + 1); // at most one unacknowledged each
    }
    const names = readdirSync(join(home, "memory"));
    const after = await EpisodicMemory.open(home, { embedder });
    console.log(
      `memory crash test: ${KILLS} kill -9s, ${added.size} acknowledged adds, ${rewards} rewards, ` +
        `${forgotten.size} forgets all kept; generation ${after.stats().files.generation}, ` +
        `${names.filter((n) => n.includes(".torn-")).length} torn tails set aside`,
    );
    expect(added.size).toBeGreaterThan(KILLS);
  }, 240_000);
});
