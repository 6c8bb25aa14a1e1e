import { z } from "zod";
import { MAX_HOOK_TEXT } from "./hook_events.ts";

const INTERNAL_CONTEXT = "<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>";

const Part = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  id: z.string().optional(),
  name: z.string().optional(),
  arguments: z.unknown().optional(),
});

const RawMessage = z.looseObject({
  role: z.string().max(64),
  content: z.union([z.string(), z.array(z.unknown())]).optional(),
  stopReason: z.string().max(64).optional(),
  errorMessage: z.string().optional(),
  toolName: z.string().max(256).optional(),
  toolCallId: z.string().max(512).optional(),
  isError: z.boolean().optional(),
  details: z.looseObject({
    status: z.string().optional(),
    exitCode: z.number().nullable().optional(),
    error: z.string().optional(),
  }).optional(),
});

/** A tool call an assistant message made. */
export interface HookToolCall {
  readonly id?: string;
  readonly name: string;
  readonly args: unknown;
}

/**
 * One OpenClaw history message (user, assistant, toolResult, custom…), normalised: its text
 * parts joined, its tool calls, and the fields that tell a failure.
 */
export interface HookMessage {
  readonly role: string;
  /** Text parts joined by newlines (a string content as is), at most `MAX_HOOK_TEXT`. */
  readonly text: string;
  readonly toolCalls: readonly HookToolCall[];
  /** assistant: `stop`, `toolUse`, `error`, … */
  readonly stopReason?: string;
  readonly errorMessage?: string;
  /** toolResult */
  readonly toolName?: string;
  readonly toolCallId?: string;
  readonly isError?: boolean;
  readonly details?: {
    readonly status?: string | undefined;
    readonly exitCode?: number | null | undefined;
    readonly error?: string | undefined;
  };
  /** The message as OpenClaw sent it, for the transcript extractor. */
  readonly raw: Record<string, unknown>;
}

function parts(content: unknown[]): { text: string; toolCalls: HookToolCall[] } {
  const texts: string[] = [];
  const toolCalls: HookToolCall[] = [];
  for (const item of content) {
    const part = Part.safeParse(item);
    if (!part.success) continue;
    if (part.data.type === "text" && part.data.text) texts.push(part.data.text);
    if (part.data.type === "toolCall" && part.data.name) {
      toolCalls.push({
        name: part.data.name,
        args: part.data.arguments,
        ...(part.data.id ? { id: part.data.id } : {}),
      });
    }
  }
  return { text: texts.join("\n"), toolCalls };
}

/**
 * Normalises one history message from a hook payload; `undefined` for anything that is not a
 * message (OpenClaw and log tools may put placeholders such as `"…[2 earlier items]"` in a list).
 *
 * @example
 * ```ts
 * toHookMessage({ role: "user", content: [{ type: "text", text: "hi" }] })?.text; // "hi"
 * toHookMessage("…[2 earlier items]"); // undefined
 * ```
 */
export function toHookMessage(value: unknown): HookMessage | undefined {
  const parsed = RawMessage.safeParse(value);
  if (!parsed.success) return undefined;
  const m = parsed.data;
  const content = typeof m.content === "string"
    ? { text: m.content, toolCalls: [] }
    : parts(m.content ?? []);
  const text = content.text.length > MAX_HOOK_TEXT
    ? content.text.slice(0, MAX_HOOK_TEXT)
    : content.text;
  return {
    role: m.role,
    text,
    toolCalls: content.toolCalls,
    raw: m,
    ...(m.stopReason !== undefined ? { stopReason: m.stopReason } : {}),
    ...(m.errorMessage !== undefined ? { errorMessage: m.errorMessage } : {}),
    ...(m.toolName !== undefined ? { toolName: m.toolName } : {}),
    ...(m.toolCallId !== undefined ? { toolCallId: m.toolCallId } : {}),
    ...(m.isError !== undefined ? { isError: m.isError } : {}),
    ...(m.details !== undefined ? { details: m.details } : {}),
  };
}

/**
 * The messages of a hook payload that are messages, in order.
 *
 * @example
 * ```ts
 * toHookMessages([{ role: "user", content: "a" }, 42]).length; // 1
 * ```
 */
export function toHookMessages(values: readonly unknown[] | undefined): HookMessage[] {
  const out: HookMessage[] = [];
  for (const value of values ?? []) {
    const message = toHookMessage(value);
    if (message) out.push(message);
  }
  return out;
}

/**
 * The messages after the last user message: the latest turn's assistant replies and tool
 * results (all of `messages` when there is no user message). A user-role message holding
 * OpenClaw's internal context is not a user message.
 *
 * @example
 * ```ts
 * lastTurn(toHookMessages(event.messages)).filter((m) => m.role === "toolResult");
 * ```
 */
export function lastTurn(messages: readonly HookMessage[]): HookMessage[] {
  let start = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    // OpenClaw's runtime context travels as a user-role message; it is not the user speaking.
    if (message?.role === "user" && !message.text.trimStart().startsWith(INTERNAL_CONTEXT)) {
      start = i + 1;
      break;
    }
  }
  return messages.slice(start);
}
