/**
 * Test helper process for the concurrency test: appends `appends` records and
 * increments a shared counter `updates` times, interleaved.
 */
import { join } from "node:path";
import { appendJsonl, updateVersioned } from "../../src/store/mod.ts";
import { CounterFile } from "./_crash_spec.ts";

const [dir, writer, appendsText, updatesText] = Deno.args;
if (!dir || !writer || !appendsText || !updatesText) {
  throw new TypeError("usage: _concurrent_writer.ts DIR NAME APPENDS UPDATES");
}
const appends = Number(appendsText);
const updates = Number(updatesText);
for (let i = 0; i < Math.max(appends, updates); i++) {
  if (i < appends) await appendJsonl(join(dir, "log.jsonl"), [{ writer, seq: i, pad: "" }]);
  if (i < updates) {
    await updateVersioned(join(dir, "state.json"), CounterFile, (s) => ({
      ...s,
      updates: s.updates + 1,
    }), { timeoutMs: 60_000 });
  }
}
console.log("done");
