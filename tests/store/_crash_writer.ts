/**
 * Test helper process for the kill -9 test: appends JSONL records and rewrites a
 * versioned file as fast as it can, printing an acknowledgement after each
 * operation has returned (so after its fsync). The parent kills it at random.
 */
import { join } from "node:path";
import { appendJsonl, updateVersioned } from "../../src/store/mod.ts";
import { CounterFile } from "./_crash_spec.ts";

const [dir, startText] = Deno.args;
if (!dir || !startText) throw new TypeError("usage: _crash_writer.ts DIR START_SEQ");
const encoder = new TextEncoder();
const say = (text: string) => Deno.stdout.writeSync(encoder.encode(`${text}\n`));

say("ready");
for (let seq = Number(startText);; seq++) {
  // Sizes from a few bytes to ~40 kB, so some writes need several syscalls.
  const pad = "x".repeat(Math.floor(Math.random() ** 3 * 40_000));
  await appendJsonl(join(dir, "log.jsonl"), [{ writer: "crash", seq, pad }]);
  say(`a ${seq}`);
  await updateVersioned(join(dir, "state.json"), CounterFile, (s) => ({
    ...s,
    seq,
    updates: s.updates + 1,
    pad,
  }));
  say(`s ${seq}`);
}
