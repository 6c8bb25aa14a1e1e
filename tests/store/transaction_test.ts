import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  appendJsonl,
  commitTransaction,
  readJsonl,
  recoverTransaction,
} from "../../src/store/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

describe("multi-file transactions", () => {
  it("applies writes and appends, and leaves no journal behind", async () => {
    const dir = tempDir();
    const journal = join(dir, ".tx.json");
    await commitTransaction(journal, [
      { kind: "write", path: join(dir, "a.json"), content: '{"a":1}' },
      { kind: "append", path: join(dir, "e.jsonl"), records: [{ id: "e1" }] },
    ]);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe('{"a":1}');
    expect((await readJsonl(join(dir, "e.jsonl"))).records).toEqual([{ id: "e1" }]);
    expect(existsSync(journal)).toBe(false);
  });

  it("replays a journal left by a crash, without appending a record twice", async () => {
    const dir = tempDir();
    const journal = join(dir, ".tx.json");
    // The state a crash leaves: journal committed, the append done, the write not yet.
    writeFileSync(
      journal,
      JSON.stringify({
        version: 1,
        ops: [
          { kind: "append", path: join(dir, "e.jsonl"), records: [{ id: "e1" }, { id: "e2" }] },
          { kind: "write", path: join(dir, "a.json"), content: '{"a":2}' },
        ],
      }),
    );
    await appendJsonl(join(dir, "e.jsonl"), [{ id: "e1" }]);
    expect(await recoverTransaction(journal)).toEqual({ status: "replayed", ops: 2 });
    expect((await readJsonl(join(dir, "e.jsonl"))).records).toEqual([{ id: "e1" }, { id: "e2" }]);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe('{"a":2}');
    expect(await recoverTransaction(journal)).toEqual({ status: "none" });
  });

  it("keeps an unreadable journal aside instead of guessing", async () => {
    const dir = tempDir();
    const journal = join(dir, ".tx.json");
    writeFileSync(journal, "{ edited by hand");
    const result = await recoverTransaction(journal, () => new Date("2026-11-21T00:00:00Z"));
    expect(result).toEqual({ status: "quarantined", to: `${journal}.corrupt-20261121T000000Z` });
  });
});
