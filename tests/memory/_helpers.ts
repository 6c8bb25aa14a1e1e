/** Shared helpers of the episodic-memory tests. */
import { rmSync } from "node:fs";
import { afterAll } from "vitest";
import { EpisodicMemory, type EpisodicMemoryOptions } from "../../src/memory/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

const homes: string[] = [];
// Stores of thousands of memories add up: each test file removes the homes it made.
afterAll(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

export { atCosine, manualClock, tableEmbedder, unit } from "./_vectors.ts";

/** Opens a memory in a fresh temporary home. */
export async function freshMemory(
  options: EpisodicMemoryOptions,
): Promise<{ home: string; memory: EpisodicMemory }> {
  const home = tempDir("lshml-memory-");
  homes.push(home);
  return { home, memory: await EpisodicMemory.open(home, options) };
}
