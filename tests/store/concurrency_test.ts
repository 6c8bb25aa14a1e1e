import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readJsonl, readVersioned } from "../../src/store/mod.ts";
import { tempDir } from "../_helpers/cli.ts";
import { CounterFile, LogRecord } from "./_crash_spec.ts";

const WRITER = fileURLToPath(new URL("./_concurrent_writer.ts", import.meta.url));
const APPENDS = 3000;
const UPDATES = 2000;

describe("concurrent writers with real processes", () => {
  it("lose nothing when two processes append and update the same files", async () => {
    const dir = tempDir("lshml-concurrent-");
    const started = performance.now();
    const children = ["A", "B"].map((name) =>
      new Deno.Command(Deno.execPath(), {
        args: ["run", "--quiet", "-A", WRITER, dir, name, String(APPENDS), String(UPDATES)],
        stdout: "piped",
        stderr: "piped",
      }).output()
    );
    const outputs = await Promise.all(children);
    for (const output of outputs) {
      expect(new TextDecoder().decode(output.stderr)).toBe("");
      expect(output.code).toBe(0);
    }
    const log = await readJsonl(join(dir, "log.jsonl"), { schema: LogRecord });
    expect(log.invalid).toEqual([]);
    expect(log.tornTail).toBeUndefined();
    const keys = log.records.map((r) => `${r.writer}:${r.seq}`);
    expect(keys.length).toBe(2 * APPENDS);
    expect(new Set(keys).size).toBe(2 * APPENDS);
    const state = await readVersioned(join(dir, "state.json"), CounterFile);
    expect(state.value.updates).toBe(2 * UPDATES);
    const ops = 2 * (APPENDS + UPDATES);
    console.log(
      `concurrency test: 2 processes, ${ops} operations (${2 * APPENDS} appends, ` +
        `${2 * UPDATES} locked updates), none lost, ${
          ((performance.now() - started) / 1000).toFixed(1)
        } s`,
    );
  }, 300_000);
});
