import { z } from "zod";
import { classifyFailure } from "../signals/mod.ts";
import type { AfterToolCallEvent } from "./hook_events.ts";
import type { HookMessage, HookToolCall } from "./hook_message.ts";
import type { ToolEvent } from "./task_state.ts";

/** Pass 1 of the sanitiser, bound to a size: how tool text is cleaned before it is kept. */
export type Clean = (text: string, maxChars: number) => string;

const DETAIL_CHARS = 160;
const ERROR_CHARS = 240;
/** The parameters that say what a call was about, most telling first. */
const KEY_PARAMS = ["command", "cmd", "path", "file_path", "file", "url", "query", "pattern"];

const Details = z.looseObject({
  status: z.string().optional(),
  exitCode: z.number().nullable().optional(),
  error: z.string().optional(),
});
const Result = z.looseObject({
  content: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).optional(),
  details: Details.optional(),
  isError: z.boolean().optional(),
});

/** A call's parameters in short: `command=npm test`, `path=src/a.ts`, or its parameter names. */
function describeParams(params: unknown, clean: Clean): string | undefined {
  if (params === null || typeof params !== "object" || Array.isArray(params)) return undefined;
  const record = params as Record<string, unknown>;
  const key = KEY_PARAMS.find((k) => typeof record[k] === "string");
  const text = key ? `${key}=${record[key] as string}` : Object.keys(record).slice(0, 4).join(", ");
  return text === "" ? undefined : clean(text.replace(/\s+/g, " "), DETAIL_CHARS);
}

/** The error line of a failure text: the line where the failure is stated, else the first. */
function errorLine(text: string, clean: Clean): string {
  const at = classifyFailure(text.slice(0, 4000))?.index ?? 0;
  const start = text.lastIndexOf("\n", at - 1) + 1;
  const end = text.indexOf("\n", at);
  const line = text.slice(start, end === -1 ? undefined : end).trim() || text.trim();
  return clean(line, ERROR_CHARS);
}

function failed(details: z.infer<typeof Details> | undefined, isError?: boolean): boolean {
  const exit = details?.exitCode;
  return isError === true || details?.status === "error" ||
    (typeof exit === "number" && exit !== 0);
}

/**
 * A tool event from `after_tool_call`: failed when OpenClaw reports an `error`, the result is
 * marked `isError`, its status is `error`, or its exit code is not 0 (OpenClaw's `exec` never
 * sets `isError`). Text is cleaned with `clean` (pass 1 of the sanitiser).
 *
 * @example
 * ```ts
 * toolEventFromCall({ toolName: "read", params: { path: "a.txt" }, error: "File not found: a.txt" }, clean);
 * // { name: "read", ok: false, detail: "path=a.txt", error: "File not found: a.txt" }
 * ```
 */
export function toolEventFromCall(event: AfterToolCallEvent, clean: Clean): ToolEvent {
  const result = Result.safeParse(event.result);
  const details = result.success ? result.data.details : undefined;
  const errorText = typeof event.error === "string"
    ? event.error
    : event.error !== undefined && event.error !== null
    ? JSON.stringify(event.error) ?? "error"
    : undefined;
  const bad = errorText !== undefined || failed(details, result.success && result.data.isError);
  const output = result.success
    ? (result.data.content ?? []).map((p) => p.text ?? "").join("\n")
    : "";
  const detail = describeParams(event.params, clean);
  return {
    name: event.toolName,
    ok: !bad,
    ...(event.toolCallId ? { id: event.toolCallId } : {}),
    ...(detail ? { detail } : {}),
    ...(bad
      ? { error: errorLine(errorText ?? details?.error ?? (output || "failed"), clean) }
      : {}),
  };
}

/**
 * The tool events of a turn's messages (from `agent_end`): each tool result, paired with the call
 * that asked for it (by id) for its parameters; failed as in {@link toolEventFromCall}.
 *
 * @example
 * ```ts
 * toolEventsFromMessages(lastTurn(toHookMessages(event.messages)), clean);
 * ```
 */
export function toolEventsFromMessages(
  messages: readonly HookMessage[],
  clean: Clean,
): ToolEvent[] {
  const calls = new Map<string, HookToolCall>();
  for (const m of messages) for (const c of m.toolCalls) if (c.id) calls.set(c.id, c);
  const events: ToolEvent[] = [];
  for (const m of messages) {
    if (m.role !== "toolResult") continue;
    const call = m.toolCallId ? calls.get(m.toolCallId) : undefined;
    const bad = failed(m.details, m.isError);
    const detail = call ? describeParams(call.args, clean) : undefined;
    events.push({
      name: m.toolName ?? call?.name ?? "tool",
      ok: !bad,
      ...(m.toolCallId ? { id: m.toolCallId } : {}),
      ...(detail ? { detail } : {}),
      ...(bad ? { error: errorLine(m.details?.error || m.text || "failed", clean) } : {}),
    });
  }
  return events;
}
