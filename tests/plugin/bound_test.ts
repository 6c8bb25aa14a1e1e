import { describe, expect, it } from "vitest";
import { bound, hookRequestLine, LIMITS, MAX_REQUEST_BYTES } from "../../plugin/bound.js";
import { HookRequestSchema, MAX_LINE_BYTES } from "../../src/agent_server/mod.ts";

const message = (i: number, text = `message ${i}`) => ({
  role: i % 2 ? "assistant" : "user",
  content: text,
});

describe("bounding hook events before they cross the bridge (plugin/bound.js)", () => {
  it("keeps the newest 64 messages of a long history and counts the rest", () => {
    const history = Array.from({ length: 500 }, (_, i) => message(i));
    const trimmed = { messages: 0, strings: 0, items: 0 };
    const out = bound({ messages: history }, LIMITS, trimmed) as {
      messages: { content: string }[];
    };
    expect(out.messages).toHaveLength(64);
    expect(out.messages[0]?.content).toBe("message 436");
    expect(out.messages.at(-1)?.content).toBe("message 499");
    expect(trimmed).toEqual({ messages: 436, strings: 0, items: 0 });
  });

  it("cuts long strings with a note of how much went", () => {
    const trimmed = { messages: 0, strings: 0, items: 0 };
    const out = bound({ result: "y".repeat(20_000) }, LIMITS, trimmed) as { result: string };
    expect(out.result).toBe(`${"y".repeat(16_000)}…[lshml: 4000 more chars cut]`);
    expect(trimmed.strings).toBe(1);
  });

  it("turns cycles, functions, bigints, binary data and deep nesting into JSON-safe notes", () => {
    const cyclic: Record<string, unknown> = { name: "ctx" };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 30; i++) deep = { deep };
    const trimmed = { messages: 0, strings: 0, items: 0 };
    const out = bound(
      { cyclic, fn: () => 1, big: 12n, bytes: new Uint8Array(3), deep, when: new Date(0) },
      LIMITS,
      trimmed,
    ) as Record<string, unknown>;
    expect(out.cyclic).toEqual({ name: "ctx", self: "[lshml: circular]" });
    expect("fn" in out).toBe(false);
    expect(out.big).toBe("12");
    expect(out.bytes).toBe("[lshml: 3 bytes of binary data]");
    expect(out.when).toBe("1970-01-01T00:00:00.000Z");
    expect(JSON.stringify(out.deep)).toContain("[lshml: nested too deep]");
  });

  it("keeps a shared (not cyclic) value in both places, as JSON does", () => {
    const shared = { a: 1 };
    const trimmed = { messages: 0, strings: 0, items: 0 };
    expect(bound({ x: shared, y: shared }, LIMITS, trimmed)).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });

  it("keeps every request line under 2 MiB, half the engine's line limit, whatever the event", () => {
    expect(MAX_REQUEST_BYTES * 2).toBe(MAX_LINE_BYTES);
    // 64 messages of 15,000 multi-byte characters: ~2.9 MB after the first pass.
    const history = Array.from({ length: 200 }, (_, i) => message(i, "記".repeat(15_000)));
    const line = hookRequestLine(3, "agent_end", { messages: history, success: true }, {
      runId: "r",
    });
    expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(line.endsWith("\n")).toBe(true);
    const request = HookRequestSchema.parse(JSON.parse(line));
    expect(request.trimmed?.messages).toBeGreaterThanOrEqual(200 - 16);
    expect((request.event as { success: boolean }).success).toBe(true);
  });

  it("sends an ordinary event unchanged, without a trimmed field", () => {
    const event = { prompt: "hello", messages: [message(0)] };
    const line = hookRequestLine(1, "before_prompt_build", event, { sessionKey: "k" });
    expect(JSON.parse(line)).toEqual({
      id: 1,
      type: "hook",
      hook: "before_prompt_build",
      event,
      ctx: { sessionKey: "k" },
    });
  });
});
