import { appendFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type FileLine,
  MAX_LINE_BYTES,
  readNewLines,
} from "../../../src/signals/sources/read_new_lines.ts";
import { tempDir } from "../../_helpers/cli.ts";

async function read(path: string, cursor?: Parameters<typeof readNewLines>[1]) {
  const lines: FileLine[] = [];
  const summary = await readNewLines(path, cursor, (l) => lines.push(l));
  return { lines, ...summary };
}

describe("readNewLines()", () => {
  it("reads each complete line once across runs, leaving an unfinished line for later", async () => {
    const path = join(tempDir(), "app.log");
    writeFileSync(path, "one\ntwo\nthr");
    const first = await read(path);
    expect(first.lines.map((l) => [l.lineNo, l.text])).toEqual([[1, "one"], [2, "two"]]);
    appendFileSync(path, "ee\nfour\n");
    const second = await read(path, first.cursor);
    expect(second.lines.map((l) => [l.lineNo, l.text])).toEqual([[3, "three"], [4, "four"]]);
    const third = await read(path, second.cursor);
    expect(third.lines).toEqual([]);
    expect(third.bytes).toBe(0);
  });

  it("starts over when the file was rotated or truncated", async () => {
    const dir = tempDir();
    const path = join(dir, "app.log");
    writeFileSync(path, "old 1\nold 2\n");
    const first = await read(path);
    renameSync(path, join(dir, "app.log.1"));
    writeFileSync(path, "new 1\n");
    const rotated = await read(path, first.cursor);
    expect(rotated.restarted).toBe(true);
    expect(rotated.lines.map((l) => l.text)).toEqual(["new 1"]);
    writeFileSync(path, "");
    const truncated = await read(path, rotated.cursor);
    expect(truncated).toMatchObject({ restarted: true, lines: [] });
  });

  it("notices a file rewritten in place with the same inode", async () => {
    const path = join(tempDir(), "app.log");
    writeFileSync(path, `${"a".repeat(300)}\n`);
    const first = await read(path);
    writeFileSync(path, `${"b".repeat(300)}\n${"c".repeat(10)}\n`);
    const again = await read(path, first.cursor);
    expect(again.restarted).toBe(true);
    expect(again.lines).toHaveLength(2);
  });

  it("strips CR of CRLF lines and cuts an enormous line instead of holding it all", async () => {
    const path = join(tempDir(), "app.log");
    writeFileSync(path, `dos\r\n${"x".repeat(MAX_LINE_BYTES * 3)}\nafter\n`);
    const { lines } = await read(path);
    expect(lines[0]?.text).toBe("dos");
    expect(lines[1]?.truncated).toBe(true);
    expect(lines[1]?.text.length).toBe(MAX_LINE_BYTES);
    expect(lines[2]).toEqual({ lineNo: 3, text: "after", truncated: false });
  });

  it("decodes multi-byte characters that straddle read chunks", async () => {
    const path = join(tempDir(), "app.log");
    const line = "错误".repeat(400_000); // 2.4 MB of 3-byte characters: crosses 1 MiB chunks
    writeFileSync(path, `${line.slice(0, 300_000)}\n`);
    const { lines } = await read(path);
    expect(lines[0]?.text).toBe(line.slice(0, 300_000));
  });
});
