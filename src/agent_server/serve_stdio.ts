import type { HookHandler, LogEntry, Logger } from "./hook_handler.ts";
import {
  type EngineMessage,
  type InitRequest,
  type LogLevel,
  MAX_LINE_BYTES,
  type ProtocolError,
  type Request,
  type RequestId,
  RequestIdSchema,
  RequestSchema,
} from "./protocol.ts";
import { readLines } from "./read_lines.ts";

/** What opening the engine for an `init` request gave: a handler, or why there is none. */
export type EngineStart =
  | {
    readonly ok: true;
    readonly handler: HookHandler;
    /** Sent back as the init result (version, home, handler label). */
    readonly info: Readonly<Record<string, unknown>>;
  }
  | { readonly ok: false; readonly error: ProtocolError };

/** Options of {@link serveStdio}. */
export interface ServeStdioOptions {
  /** Requests from the plugin (the engine's stdin). */
  readonly readable: ReadableStream<Uint8Array>;
  /** Responses and log lines to the plugin (the engine's stdout, which nothing else may use). */
  readonly writable: WritableStream<Uint8Array>;
  /**
   * Opens the engine for the `init` request: checks the configuration and the sandbox and
   * builds the {@link HookHandler}, or refuses (SANDBOX_MISSING, CONFIG_INVALID). A refused
   * init may be retried on the same connection.
   */
  readonly open: (init: InitRequest, log: Logger) => Promise<EngineStart>;
  /** Sees every log line as well (e.g. to mirror it to stderr). */
  readonly onLog?: (entry: LogEntry) => void;
  /** Longest request line read; defaults to {@link MAX_LINE_BYTES}. */
  readonly maxLineBytes?: number;
}

/** How a connection went, for the command that served it. */
export interface ServeSummary {
  readonly requests: number;
  readonly failed: number;
  /** Whether an init succeeded. */
  readonly initialized: boolean;
}

/** Reads a request id from the start of a line that could not be parsed whole. */
function idFrom(text: string): RequestId | null {
  const match = /^\s*\{\s*"id"\s*:\s*(\d{1,15}|"[^"\\]{1,64}")/.exec(text);
  if (!match?.[1]) return null;
  const parsed = RequestIdSchema.safeParse(JSON.parse(match[1]));
  return parsed.success ? parsed.data : null;
}

function describeIssues(error: { issues: readonly { path: PropertyKey[]; message: string }[] }) {
  return error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}

/** The stdout side: one JSON object per line, written in order, failures remembered. */
function createSender(writable: WritableStream<Uint8Array>) {
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  let chain: Promise<void> = Promise.resolve();
  let broken: unknown;
  return {
    send(message: EngineMessage): void {
      const bytes = encoder.encode(`${JSON.stringify(message)}\n`);
      chain = chain.then(() => broken === undefined ? writer.write(bytes) : undefined).catch(
        (error: unknown) => {
          broken ??= error; // the plugin is gone; the read loop ends at EOF
        },
      );
    },
    async close(): Promise<void> {
      await chain;
      writer.releaseLock();
    },
  };
}

/**
 * Serves the plugin protocol (newline-delimited JSON, DESIGN §6.7) until the input ends:
 * `init` first, then `hook` requests, each answered with `{id, ok, result | error, logs}`;
 * warnings, errors and debug lines go out unsolicited as `{type:"log", level, line}`.
 * Requests are handled one at a time, in arrival order. Nothing a request contains can end
 * the loop: bad lines, oversized lines and failing handlers become error responses.
 *
 * @example
 * ```ts
 * await serveStdio({
 *   readable: Deno.stdin.readable,
 *   writable: Deno.stdout.writable,
 *   open: async () => ({ ok: true, handler, info: {} }),
 * });
 * ```
 */
export async function serveStdio(options: ServeStdioOptions): Promise<ServeSummary> {
  const sender = createSender(options.writable);
  let collecting: string[] | undefined;
  const emit = (level: LogLevel, line: string) => {
    options.onLog?.({ level, line });
    if (level === "info" && collecting) collecting.push(line);
    else sender.send({ type: "log", level, line });
  };
  const log: Logger = {
    debug: (line) => emit("debug", line),
    info: (line) => emit("info", line),
    warn: (line) => emit("warn", line),
    error: (line) => emit("error", line),
  };
  const fail = (id: RequestId | null, error: ProtocolError, logs?: string[]) =>
    sender.send({ id, ok: false, error, ...(logs?.length ? { logs } : {}) });

  let handler: HookHandler | undefined;
  let requests = 0;
  let failed = 0;

  const handle = async (request: Request): Promise<boolean> => {
    collecting = [];
    try {
      if (request.type === "init") {
        if (handler) {
          const message = "init was already accepted on this connection";
          fail(request.id, { code: "ALREADY_INITIALIZED", message }, collecting);
          return false;
        }
        let start: EngineStart;
        try {
          start = await options.open(request, log);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log.error(`lshml: the engine could not start: ${message}`);
          start = { ok: false, error: { code: "INIT_FAILED", message } };
        }
        if (!start.ok) {
          fail(request.id, start.error, collecting);
          return false;
        }
        handler = start.handler;
        sender.send({ id: request.id, ok: true, result: start.info, logs: collecting });
        return true;
      }
      if (!handler) {
        const message = `hook ${request.hook} before a successful init`;
        fail(request.id, { code: "NOT_INITIALIZED", message }, collecting);
        return false;
      }
      try {
        const result = await handler.handle(request.hook, request.event, request.ctx);
        sender.send({
          id: request.id,
          ok: true,
          ...(result === undefined ? {} : { result }),
          ...(collecting.length ? { logs: collecting } : {}),
        });
        return true;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const logs = collecting;
        collecting = undefined;
        log.error(`lshml: hook ${request.hook} failed: ${message}`);
        fail(request.id, { code: "HANDLER_FAILED", message }, logs);
        return false;
      }
    } finally {
      collecting = undefined;
    }
  };

  for await (const event of readLines(options.readable, options.maxLineBytes ?? MAX_LINE_BYTES)) {
    requests++;
    if (event.kind === "overlong") {
      failed++;
      const message = `request line of ${event.bytes} bytes exceeds the engine's limit ` +
        `(${options.maxLineBytes ?? MAX_LINE_BYTES} bytes); it was discarded`;
      fail(idFrom(event.head), { code: "LINE_TOO_LONG", message });
      continue;
    }
    if (event.text.trim() === "") {
      requests--;
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(event.text);
    } catch (error) {
      failed++;
      const message = `request is not JSON (${(error as SyntaxError).message})`;
      fail(idFrom(event.text), { code: "BAD_REQUEST", message });
      continue;
    }
    const parsed = RequestSchema.safeParse(json);
    if (!parsed.success) {
      failed++;
      const id = RequestIdSchema.safeParse((json as { id?: unknown } | null)?.id);
      const message = `not a valid request: ${describeIssues(parsed.error)}`;
      fail(id.success ? id.data : null, { code: "BAD_REQUEST", message });
      continue;
    }
    if (!(await handle(parsed.data))) failed++;
  }
  await handler?.close?.();
  await sender.close();
  return { requests, failed, initialized: handler !== undefined };
}
