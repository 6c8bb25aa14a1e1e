import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EpisodicMemory } from "../../src/memory/mod.ts";
import { freshMemory, tableEmbedder } from "./_helpers.ts";

const WORKER = fileURLToPath(new URL("./_memory_worker.ts", import.meta.url));
const ROUNDS = 150;
const ALPHA = 0.3;

describe("two real processes writing the same episodic memory", () => {
  it("lose no update, add or forget, through concurrent compactions", async () => {
    const { home, memory } = await freshMemory({ embedder: tableEmbedder("t:8", 8) });
    await memory.add({ id: "shared", intent: "shared memory", experience: "both use it" });
    const started = performance.now();
    const outputs = await Promise.all(["A", "B"].map((name) =>
      new Deno.Command(Deno.execPath(), {
        args: ["run", "--quiet", "-A", WORKER, home, name, String(ROUNDS)],
        stdout: "piped",
        stderr: "piped",
      }).output()
    ));
    for (const output of outputs) {
      expect(new TextDecoder().decode(output.stderr)).toBe("");
      expect(output.code).toBe(0);
    }
    const after = await EpisodicMemory.open(home, { embedder: tableEmbedder("t:8", 8) });
    const shared = after.get("shared")!;
    expect(shared.visits).toBe(2 * ROUNDS);
    expect(shared.selectedCount).toBe(2 * ROUNDS);
    expect(shared.successCount).toBe(2 * ROUNDS);
    expect(shared.q).toBeCloseTo(1 - (1 - ALPHA) ** (2 * ROUNDS), 9);
    for (const name of ["A", "B"]) {
      for (let i = 0; i < ROUNDS; i++) {
        const forgotten = i % 10 === 4 && i + 5 < ROUNDS;
        expect(after.get(`${name}-${i}`) === undefined).toBe(forgotten);
      }
    }
    const forgottenEach = Math.floor(ROUNDS / 10);
    expect(after.size).toBe(1 + 2 * (ROUNDS - forgottenEach));
    const stats = after.stats();
    expect(stats.files.generation).toBeGreaterThan(2); // compactions did race the writers
    expect(stats.files.skippedLogLines).toBe(0);
    console.log(
      `memory concurrency: 2 processes × ${ROUNDS} rounds (${2 * ROUNDS * 3} writes), none lost, ` +
        `${stats.files.generation} compactions, ${
          ((performance.now() - started) / 1000).toFixed(1)
        } s`,
    );
  }, 120_000);
});
