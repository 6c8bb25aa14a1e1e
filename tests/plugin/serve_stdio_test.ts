import { describe, expect, it } from "vitest";
import {
  type EngineMessage,
  type EngineStart,
  type HookHandler,
  type Response,
  ResponseSchema,
  serveStdio,
} from "../../src/agent_server/mod.ts";

/** Runs serveStdio over in-memory streams with the given request lines. */
async function serve(
  lines: string[],
  open: () => Promise<EngineStart>,
  maxLineBytes?: number,
): Promise<EngineMessage[]> {
  const encoder = new TextEncoder();
  const readable = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const line of lines) controller.enqueue(encoder.encode(`${line}\n`));
      controller.close();
    },
  });
  const out: Uint8Array[] = [];
  const writable = new WritableStream<Uint8Array>({ write: (chunk) => void out.push(chunk) });
  await serveStdio({ readable, writable, open, ...(maxLineBytes ? { maxLineBytes } : {}) });
  const text = new TextDecoder().decode(new Uint8Array(out.flatMap((c) => [...c])));
  return text.trim().split("\n").map((line) => JSON.parse(line));
}

const init = (id = 1) => JSON.stringify({ id, type: "init", config: {}, version: "0.1.0" });
const hook = (id: number, name = "before_prompt_build") =>
  JSON.stringify({ id, type: "hook", hook: name, event: { prompt: "hi" }, ctx: {} });

function opened(handler: HookHandler): () => Promise<EngineStart> {
  return () => Promise.resolve({ ok: true, handler, info: { home: "/h" } });
}

describe("serveStdio()", () => {
  it("answers init, then each hook with its result and the info lines logged meanwhile", async () => {
    const seen: string[] = [];
    const handler: HookHandler = {
      handle: (name, event) => {
        seen.push(name);
        return Promise.resolve({ prependContext: `got ${(event as { prompt: string }).prompt}` });
      },
    };
    const out = await serve([init(), hook(2)], opened(handler));
    for (const message of out) expect(ResponseSchema.safeParse(message).success).toBe(true);
    expect(out[0]).toMatchObject({ id: 1, ok: true, result: { home: "/h" } });
    expect(out[1]).toEqual({ id: 2, ok: true, result: { prependContext: "got hi" } });
    expect(seen).toEqual(["before_prompt_build"]);
  });

  it("carries info lines on the response and sends warnings at once as log messages", async () => {
    const logs: string[] = [];
    const withLogs = await serveStdio({
      readable: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(`${init()}\n${hook(2)}\n`));
          c.close();
        },
      }),
      writable: new WritableStream({
        write: (chunk) => void logs.push(new TextDecoder().decode(chunk)),
      }),
      open: (_init, log) => {
        log.warn("lshml: a warning during init");
        return Promise.resolve({
          ok: true,
          info: {},
          handler: {
            handle: () => {
              log.info("[lshml] phase-a candidates=0");
              return Promise.resolve(undefined);
            },
          },
        });
      },
    });
    expect(withLogs).toEqual({ requests: 2, failed: 0, initialized: true });
    const messages = logs.join("").trim().split("\n").map((l) => JSON.parse(l));
    expect(messages).toEqual([
      { type: "log", level: "warn", line: "lshml: a warning during init" },
      { id: 1, ok: true, result: {}, logs: [] },
      { id: 2, ok: true, logs: ["[lshml] phase-a candidates=0"] },
    ]);
  });

  it("refuses hooks before a successful init, and lets a refused init be retried", async () => {
    let attempts = 0;
    const handler: HookHandler = { handle: () => Promise.resolve("ok") };
    const out = await serve([hook(1), init(2), init(3), hook(4), init(5)], () => {
      attempts++;
      if (attempts === 1) {
        return Promise.resolve({
          ok: false,
          error: { code: "SANDBOX_MISSING", message: "no", flags: ["--allow-env"] },
        });
      }
      return Promise.resolve({ ok: true, handler, info: {} });
    });
    expect(out.map((m) => "id" in m ? [m.id, m.ok] : m)).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, true],
      [5, false],
    ]);
    expect(out[0]).toMatchObject({ error: { code: "NOT_INITIALIZED" } });
    expect(out[1]).toMatchObject({ error: { code: "SANDBOX_MISSING", flags: ["--allow-env"] } });
    expect(out[4]).toMatchObject({ error: { code: "ALREADY_INITIALIZED" } });
  });

  it("turns bad lines into errors that keep the request id when it can be read", async () => {
    const handler: HookHandler = { handle: () => Promise.resolve(undefined) };
    const huge = JSON.stringify({
      id: 7,
      type: "hook",
      hook: "agent_end",
      event: "x".repeat(5000),
    });
    const out = await serve(
      [init(), "not json", '{"id":3,"type":"hook","hook":"unknown"}', '{"id":4,', huge, hook(8)],
      opened(handler),
      2048,
    );
    const responses = out.slice(1).filter((m): m is Response => !("type" in m));
    expect(responses.map((m) => "error" in m ? [m.id, m.error.code] : [m.id, m.ok])).toEqual([
      [null, "BAD_REQUEST"],
      [3, "BAD_REQUEST"],
      [4, "BAD_REQUEST"],
      [7, "LINE_TOO_LONG"],
      [8, true],
    ]);
  });

  it("answers HANDLER_FAILED when the handler throws, and serves on", async () => {
    let calls = 0;
    const handler: HookHandler = {
      handle: () => {
        calls++;
        return calls === 1 ? Promise.reject(new Error("boom")) : Promise.resolve(42);
      },
    };
    const out = await serve([init(), hook(2), hook(3)], opened(handler));
    expect(out).toContainEqual({
      type: "log",
      level: "error",
      line: "lshml: hook before_prompt_build failed: boom",
    });
    expect(out).toContainEqual({
      id: 2,
      ok: false,
      error: { code: "HANDLER_FAILED", message: "boom" },
    });
    expect(out).toContainEqual({ id: 3, ok: true, result: 42 });
  });

  it("answers INIT_FAILED when opening the engine throws, and serves on", async () => {
    const out = await serve([init(1), hook(2)], () => Promise.reject(new Error("disk on fire")));
    expect(out).toContainEqual({
      id: 1,
      ok: false,
      error: { code: "INIT_FAILED", message: "disk on fire" },
    });
    expect(out).toContainEqual(
      expect.objectContaining({
        id: 2,
        error: expect.objectContaining({ code: "NOT_INITIALIZED" }),
      }),
    );
  });

  it("closes the handler when the input ends", async () => {
    let closed = false;
    const handler: HookHandler = {
      handle: () => Promise.resolve(undefined),
      close: () => {
        closed = true;
        return Promise.resolve();
      },
    };
    await serve([init()], opened(handler));
    expect(closed).toBe(true);
  });
});
