import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { killWriter } from "../_helpers/kill_writer.ts";
import { readJsonl, readVersioned } from "../../src/store/mod.ts";
import { tempDir } from "../_helpers/cli.ts";
import { CounterFile, LogRecord } from "./_crash_spec.ts";

const WRITER = fileURLToPath(new URL("./_crash_writer.ts", import.meta.url));
const KILLS = 200;

/** Runs the writer until a random moment, kills it with SIGKILL, returns its acks. */
async function runAndKill(dir: string, startSeq: number): Promise<string[]> {
  // Anywhere from the first write to a few dozen operations in.
  const lines = await killWriter(WRITER, [dir, String(startSeq)], 60);
  return lines.filter((l) => l.startsWith("a ") || l.startsWith("s "));
}

describe("crash safety with real processes", () => {
  it(
    `keeps every file parseable and every acknowledged record after ${KILLS} kill -9s`,
    async () => {
      const dir = tempDir("lshml-crash-");
      const ackedAppends = new Set<number>();
      let lastStateAck = 0;
      let tornSeen = 0;
      for (let kill = 0; kill < KILLS; kill++) {
        const before = await readJsonl(join(dir, "log.jsonl"), { schema: LogRecord });
        if (before.tornTail) tornSeen++;
        const start = Math.max(0, ...before.records.map((r) => r.seq)) + 1;
        for (const ack of await runAndKill(dir, start)) {
          const seq = Number(ack.slice(2));
          if (ack.startsWith("a ")) ackedAppends.add(seq);
          else lastStateAck = Math.max(lastStateAck, seq);
        }
        // Every file still parses, and nothing acknowledged is missing.
        const log = await readJsonl(join(dir, "log.jsonl"), { schema: LogRecord });
        expect(log.invalid).toEqual([]);
        const present = new Set(log.records.map((r) => r.seq));
        for (const seq of ackedAppends) expect(present.has(seq)).toBe(true);
        const state = await readVersioned(join(dir, "state.json"), CounterFile);
        expect(state.value.seq).toBeGreaterThanOrEqual(lastStateAck);
      }
      const setAside = readdirSync(dir).filter((n) => n.includes(".torn-")).length;
      console.log(
        `crash test: ${KILLS} kill -9s, ${ackedAppends.size} acknowledged appends all present, ` +
          `state at seq ≥ ${lastStateAck}, ${tornSeen} torn tails seen, ${setAside} set aside`,
      );
      expect(ackedAppends.size).toBeGreaterThan(KILLS);
    },
    300_000,
  );
});
