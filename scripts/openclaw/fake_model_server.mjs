#!/usr/bin/env node
/**
 * A scriptable, OpenAI-compatible chat-completions server for tests that run the
 * real OpenClaw CLI without a real model (DESIGN §9).
 *
 * Plain Node ESM, no dependencies; runs under Node 20+, Node 24 and Deno.
 *
 * Endpoints (all on 127.0.0.1):
 * - `GET  /v1/models`            → the model ids named in the script (or "fake-model").
 * - `POST /v1/chat/completions`  → streaming SSE (role → content → finish_reason → usage → [DONE])
 *                                  when `stream: true`, otherwise one `chat.completion` JSON.
 * - anything else                → 404 JSON error.
 * Every request (method, path, parsed body) is appended to the JSONL log, so a test can
 * assert on what reached the model (system prompt, injected context, tool results).
 *
 * The script (a JSON file, re-read on every request so a test may rewrite it between
 * turns) maps substrings of the LAST user message to a reply:
 *
 * ```json
 * {
 *   "rules": [
 *     { "match": "read the config", "toolCall": { "name": "read", "arguments": { "path": "missing.yaml" } },
 *       "after": "The file does not exist." },
 *     { "match": ["loop", "ループ"], "toolCall": { "name": "exec", "arguments": { "command": "ls" } }, "times": 3 },
 *     { "match": "rate limit", "httpError": { "status": 429, "message": "Rate limit reached" } },
 *     { "match": "hello", "text": "Hello! How can I help?" }
 *   ],
 *   "default": { "text": "OK." },
 *   "afterToolResult": "Done."
 * }
 * ```
 *
 * Rule semantics: the first rule whose `match` (string or list of strings, case-sensitive
 * substring) occurs in the last user message wins; a `<lshml-memories>` block a plugin
 * prepended to that message is not searched (it may quote earlier tasks), only the user's own
 * words after it. A `toolCall` (or `toolCalls` list) rule
 * answers with tool calls until `times` (default 1) tool results have come back after that
 * user message, then with `after` (else the script's `afterToolResult`, else a generic
 * sentence). An `httpError` rule answers `{error:{message,type,code}}` with that status
 * (optionally only the first `times` matching requests; later ones fall through to `text`).
 *
 * CLI: `node fake_model_server.mjs --port 0 --log requests.jsonl --script script.json`
 * prints one JSON line `{"port": N, "pid": P}` on stdout once listening; SIGTERM/SIGINT stop it.
 */
import { appendFileSync, readFileSync, realpathSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

/** Characters per token for the fake usage numbers (a common rough ratio for English). */
const CHARS_PER_TOKEN = 4;
/** Content is streamed in pieces of this many characters, so clients see several deltas. */
const STREAM_PIECE_CHARS = 24;

/**
 * Start the server.
 * @param {{port?: number, host?: string, logFile?: string, scriptFile?: string, script?: object}} options
 * @returns {Promise<{port: number, url: string, close: () => Promise<void>, requests: () => object[]}>}
 * @example
 * const srv = await startFakeModelServer({ port: 0, script: { default: { text: "hi" } } });
 * // baseUrl for OpenClaw: `${srv.url}/v1`
 * await srv.close();
 */
export async function startFakeModelServer(options = {}) {
  const host = options.host ?? "127.0.0.1";
  const seen = [];
  const state = { completions: 0, errorHits: new Map() };
  const loadScript = () => {
    if (options.scriptFile) return JSON.parse(readFileSync(options.scriptFile, "utf8"));
    return options.script ?? {};
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body = null;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch (error) {
          body = { unparsed: raw, parseError: String(error) };
        }
      }
      const record = { ts: new Date().toISOString(), method: req.method, path: req.url, body };
      seen.push(record);
      if (options.logFile) appendFileSync(options.logFile, JSON.stringify(record) + "\n");
      try {
        route(req, res, body, loadScript(), state);
      } catch (error) {
        // A broken script is the test author's bug: answer 500 and say why, loudly.
        process.stderr.write(`fake_model_server: ${error?.stack ?? error}\n`);
        sendJson(res, 500, {
          error: { message: `fake server error: ${error}`, type: "server_error" },
        });
      }
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const port = server.address().port;
  return {
    port,
    url: `http://${host}:${port}`,
    requests: () => seen.slice(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function route(req, res, body, script, state) {
  const path = (req.url ?? "/").split("?")[0].replace(/\/+$/, "");
  if (req.method === "GET" && path.endsWith("/models")) {
    const ids = script.models ?? ["fake-model"];
    sendJson(res, 200, {
      object: "list",
      data: ids.map((id) => ({ id, object: "model", created: 0, owned_by: "fake" })),
    });
    return;
  }
  if (req.method === "POST" && path.endsWith("/chat/completions")) {
    completions(res, body ?? {}, script, state);
    return;
  }
  sendJson(res, 404, {
    error: { message: `no route for ${req.method} ${req.url}`, type: "not_found" },
  });
}

function completions(res, body, script, state) {
  state.completions += 1;
  const n = state.completions;
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const { userText, toolResultsSince } = lastUserTurn(messages);
  const ownWords = userText.split(MEMORY_BLOCK_END).at(-1) ?? "";
  const rule = (script.rules ?? []).find((r) => matches(r.match, ownWords)) ?? script.default ??
    {};
  const model = body.model ?? "fake-model";

  if (rule.httpError) {
    const key = JSON.stringify(rule.match ?? "default");
    const hits = (state.errorHits.get(key) ?? 0) + 1;
    state.errorHits.set(key, hits);
    if (rule.httpError.times === undefined || hits <= rule.httpError.times) {
      const { status = 500, message = "Internal server error", type, code, retryAfter } =
        rule.httpError;
      const headers = retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
      sendJson(res, status, {
        error: {
          message,
          type: type ?? (status === 429 ? "rate_limit_error" : "server_error"),
          code: code ?? null,
        },
      }, headers);
      return;
    }
  }

  const calls = rule.toolCalls ?? (rule.toolCall ? [rule.toolCall] : []);
  const times = rule.times ?? 1;
  let reply;
  if (calls.length > 0 && toolResultsSince < times * calls.length) {
    reply = {
      toolCalls: calls.map((c, i) => ({
        id: `call_fake_${n}_${i}`,
        name: c.name,
        arguments: typeof c.arguments === "string"
          ? c.arguments
          : JSON.stringify(c.arguments ?? {}),
      })),
    };
  } else if (calls.length > 0) {
    reply = {
      text: rule.after ?? script.afterToolResult ?? "The tool finished; see the result above.",
    };
  } else if (toolResultsSince > 0 && rule.text === undefined) {
    reply = { text: script.afterToolResult ?? "The tool finished; see the result above." };
  } else {
    reply = { text: rule.text ?? "OK." };
  }

  const promptTokens = Math.ceil(JSON.stringify(messages).length / CHARS_PER_TOKEN);
  const completionText = reply.text ?? JSON.stringify(reply.toolCalls);
  const completionTokens = Math.max(1, Math.ceil(completionText.length / CHARS_PER_TOKEN));
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
  const id = `chatcmpl-fake-${n}`;
  const created = Math.floor(Date.now() / 1000);
  if (body.stream) streamReply(res, { id, created, model, reply, usage });
  else sendJson(res, 200, wholeReply({ id, created, model, reply, usage }));
}

/**
 * OpenClaw 2026.9 appends a user-role message holding runtime data after the user's
 * words, and again after every tool result; it is not something the user said.
 */
const INTERNAL_CONTEXT_MARKER = "<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>";

/** The text of the last user message (not internal context), and how many tool results follow it. */
/** Where a block prepended by lshml ends; the user's own words follow it. */
const MEMORY_BLOCK_END = "</lshml-memories>";

function lastUserTurn(messages) {
  let toolResultsSince = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role === "tool") toolResultsSince += 1;
    if (m?.role !== "user") continue;
    const text = textOf(m.content);
    if (text.trimStart().startsWith(INTERNAL_CONTEXT_MARKER)) continue;
    return { userText: text, toolResultsSince };
  }
  return { userText: "", toolResultsSince };
}

function textOf(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((
      p,
    ) => (typeof p === "string" ? p : typeof p?.text === "string" ? p.text : "")).join("\n");
  }
  return "";
}

function matches(match, text) {
  if (match === undefined) return false;
  const needles = Array.isArray(match) ? match : [match];
  return needles.some((s) => typeof s === "string" && text.includes(s));
}

function wholeReply({ id, created, model, reply, usage }) {
  const message = reply.toolCalls
    ? {
      role: "assistant",
      content: null,
      tool_calls: reply.toolCalls.map((c) => ({
        id: c.id,
        type: "function",
        function: { name: c.name, arguments: c.arguments },
      })),
    }
    : { role: "assistant", content: reply.text };
  return {
    id,
    object: "chat.completion",
    created,
    model,
    choices: [{ index: 0, message, finish_reason: reply.toolCalls ? "tool_calls" : "stop" }],
    usage,
  };
}

function streamReply(res, { id, created, model, reply, usage }) {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const chunk = (choices, extra = {}) =>
    res.write(
      `data: ${
        JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices, ...extra })
      }\n\n`,
    );
  chunk([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }]);
  if (reply.toolCalls) {
    reply.toolCalls.forEach((c, index) => {
      chunk([{
        index: 0,
        delta: {
          tool_calls: [{
            index,
            id: c.id,
            type: "function",
            function: { name: c.name, arguments: "" },
          }],
        },
        finish_reason: null,
      }]);
      for (const piece of pieces(c.arguments)) {
        chunk([{
          index: 0,
          delta: { tool_calls: [{ index, function: { arguments: piece } }] },
          finish_reason: null,
        }]);
      }
    });
    chunk([{ index: 0, delta: {}, finish_reason: "tool_calls" }]);
  } else {
    for (const piece of pieces(reply.text)) {
      chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]);
    }
    chunk([{ index: 0, delta: {}, finish_reason: "stop" }]);
  }
  chunk([], { usage });
  res.end("data: [DONE]\n\n");
}

function pieces(text) {
  const out = [];
  const chars = Array.from(text); // split on code points, never inside a CJK character or emoji
  for (let i = 0; i < chars.length; i += STREAM_PIECE_CHARS) {
    out.push(chars.slice(i, i + STREAM_PIECE_CHARS).join(""));
  }
  return out.length > 0 ? out : [""];
}

function sendJson(res, status, value, headers = {}) {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--port") out.port = Number(value);
    else if (flag === "--log") out.logFile = value;
    else if (flag === "--script") out.scriptFile = value;
    else if (flag === "--host") out.host = value;
    else {throw new TypeError(
        `unknown flag ${JSON.stringify(flag)} (expected --port, --log, --script, --host)`,
      );}
    i += 1;
  }
  if (out.port !== undefined && !Number.isInteger(out.port)) {
    throw new RangeError(`--port must be an integer, got ${JSON.stringify(argv)}`);
  }
  return out;
}

function isMain() {
  const entry = typeof process !== "undefined" ? process.argv?.[1] : undefined;
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false; // entry is not a file path (e.g. a REPL); then this module was imported
  }
}

if (isMain()) {
  const srv = await startFakeModelServer(parseArgs(process.argv.slice(2)));
  process.stdout.write(JSON.stringify({ port: srv.port, pid: process.pid }) + "\n");
  const stop = () => srv.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
