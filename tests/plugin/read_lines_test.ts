import { describe, expect, it } from "vitest";
import { type LineEvent, readLines } from "../../src/agent_server/mod.ts";

function streamOf(...chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      }
      controller.close();
    },
  });
}

async function all(stream: ReadableStream<Uint8Array>, max = 1024): Promise<LineEvent[]> {
  const events: LineEvent[] = [];
  for await (const event of readLines(stream, max)) events.push(event);
  return events;
}

describe("readLines()", () => {
  it("joins lines split across chunks and yields a last line without a newline", async () => {
    expect(await all(streamOf('{"id":1', "}\n{", '"id":2}\r\n', "tail"))).toEqual([
      { kind: "line", text: '{"id":1}' },
      { kind: "line", text: '{"id":2}' },
      { kind: "line", text: "tail" },
    ]);
  });

  it("decodes a multi-byte character split between two chunks", async () => {
    const bytes = new TextEncoder().encode("記憶\n");
    expect(await all(streamOf(bytes.slice(0, 2), bytes.slice(2)))).toEqual([
      { kind: "line", text: "記憶" },
    ]);
  });

  it("skips an over-long line as it streams, keeping its size and head, then reads on", async () => {
    const long = `{"id":9,"pad":"${"x".repeat(3000)}"}`;
    const events = await all(streamOf(long.slice(0, 1000), long.slice(1000), "\nnext\n"), 1024);
    expect(events).toHaveLength(2);
    const [overlong, next] = events;
    expect(overlong).toMatchObject({ kind: "overlong", bytes: long.length });
    expect(overlong?.kind === "overlong" && overlong.head.startsWith('{"id":9,')).toBe(true);
    expect(next).toEqual({ kind: "line", text: "next" });
  });

  it("accepts a line of exactly the limit", async () => {
    expect(await all(streamOf(`${"a".repeat(16)}\n`), 16)).toEqual([
      { kind: "line", text: "a".repeat(16) },
    ]);
  });
});
