import { z } from "zod";

/** Longest prompt or tool text read; the rest of a pasted megabyte is not needed to learn. */
export const MAX_HOOK_TEXT = 100_000;
/** Most history messages read from one event (the newest are kept). */
export const MAX_HOOK_MESSAGES = 2_000;

const Text = z.string().transform((s) => s.length > MAX_HOOK_TEXT ? s.slice(0, MAX_HOOK_TEXT) : s);
const Messages = z.array(z.unknown()).transform((m) =>
  m.length > MAX_HOOK_MESSAGES ? m.slice(-MAX_HOOK_MESSAGES) : m
);
const Id = z.string().max(512);

/**
 * `before_prompt_build`: this turn's raw user text and the session history BEFORE this turn
 * (messages are validated one by one later; a malformed one is skipped, not fatal).
 */
export const BeforePromptBuildEventSchema = z.looseObject({
  prompt: Text,
  messages: Messages.optional(),
});

/** See {@link BeforePromptBuildEventSchema}. */
export type BeforePromptBuildEvent = z.infer<typeof BeforePromptBuildEventSchema>;

/**
 * `agent_end`: the whole history including this turn, and whether OpenClaw thinks the run
 * succeeded — which it also says after a model error (check the last assistant's `stopReason`).
 */
export const AgentEndEventSchema = z.looseObject({
  runId: Id.optional(),
  messages: Messages.optional(),
  success: z.boolean().optional(),
  error: z.unknown().optional(),
  durationMs: z.number().optional(),
});

/** See {@link AgentEndEventSchema}. */
export type AgentEndEvent = z.infer<typeof AgentEndEventSchema>;

/** `llm_output`: the assistant's texts of the run and its last message. */
export const LlmOutputEventSchema = z.looseObject({
  runId: Id.optional(),
  sessionId: Id.optional(),
  provider: z.string().max(256).optional(),
  model: z.string().max(256).optional(),
  assistantTexts: z.array(Text).optional(),
  lastAssistant: z.unknown().optional(),
});

/** See {@link LlmOutputEventSchema}. */
export type LlmOutputEvent = z.infer<typeof LlmOutputEventSchema>;

/** `after_tool_call`: one tool call, its parameters, result and error. */
export const AfterToolCallEventSchema = z.looseObject({
  toolName: z.string().min(1).max(256),
  toolCallId: Id.optional(),
  runId: Id.optional(),
  params: z.unknown().optional(),
  result: z.unknown().optional(),
  error: z.unknown().optional(),
  durationMs: z.number().optional(),
});

/** See {@link AfterToolCallEventSchema}. */
export type AfterToolCallEvent = z.infer<typeof AfterToolCallEventSchema>;
