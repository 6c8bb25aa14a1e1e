import { z } from "zod";

/**
 * The OpenClaw hooks the plugin forwards to the engine. `before_prompt_build` is awaited
 * (its answer is injected into the prompt); the others are fire-and-forget. `plugin/hooks.js`
 * keeps the same list (a test compares them).
 */
export const FORWARDED_HOOKS = [
  "before_prompt_build",
  "agent_end",
  "llm_output",
  "after_tool_call",
] as const;

/** One of {@link FORWARDED_HOOKS}. */
export type HookName = (typeof FORWARDED_HOOKS)[number];

/** Request ids: the plugin numbers its requests; strings are accepted for other clients. */
export const RequestIdSchema = z.union([
  z.number().int().nonnegative(),
  z.string().min(1).max(64),
]);

/** A request id. */
export type RequestId = z.infer<typeof RequestIdSchema>;

/**
 * First message on a connection: the OpenClaw plugin config object
 * (`plugins.entries.lshml.config`, used as the config-file layer) and the plugin's version.
 */
export const InitRequestSchema = z.object({
  id: RequestIdSchema,
  type: z.literal("init"),
  config: z.record(z.string(), z.unknown()).default({}),
  version: z.string().max(64),
});

/** A parsed `init` request. */
export type InitRequest = z.infer<typeof InitRequestSchema>;

/** What the plugin cut from an oversized hook event before sending it (counts). */
export const TrimmedSchema = z.object({
  messages: z.number().int().nonnegative(),
  strings: z.number().int().nonnegative(),
  items: z.number().int().nonnegative(),
});

/** One OpenClaw hook call: `event` and `ctx` exactly as OpenClaw passed them, bounded. */
export const HookRequestSchema = z.object({
  id: RequestIdSchema,
  type: z.literal("hook"),
  hook: z.enum(FORWARDED_HOOKS),
  event: z.unknown().optional(),
  ctx: z.unknown().optional(),
  trimmed: TrimmedSchema.optional(),
});

/** A parsed `hook` request. */
export type HookRequest = z.infer<typeof HookRequestSchema>;

/** Every request the engine accepts. */
export const RequestSchema = z.discriminatedUnion("type", [InitRequestSchema, HookRequestSchema]);

/** A parsed request. */
export type Request = z.infer<typeof RequestSchema>;

/** Why a request failed; the plugin acts on the code. */
export const ErrorCodeSchema = z.enum([
  /** The line is not JSON or not a known request. */
  "BAD_REQUEST",
  /** The line exceeded the engine's line limit and was discarded. */
  "LINE_TOO_LONG",
  /** A hook arrived before a successful `init`. */
  "NOT_INITIALIZED",
  "ALREADY_INITIALIZED",
  /** The Deno sandbox lacks a permission; `flags` are the exact flags to restart with. */
  "SANDBOX_MISSING",
  /** The plugin config (or config.json) is invalid; restarting will not help. */
  "CONFIG_INVALID",
  /** Opening the engine failed otherwise (an unreadable home, a bug); see the message. */
  "INIT_FAILED",
  /** The hook handler threw. */
  "HANDLER_FAILED",
]);

/** One of the error codes. */
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The error object of a failed response. */
export const ProtocolErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** SANDBOX_MISSING only: the complete Deno permission flags the engine needs. */
  flags: z.array(z.string()).optional(),
});

/** A protocol error. */
export type ProtocolError = z.infer<typeof ProtocolErrorSchema>;

/**
 * The answer to one request. `logs` are the info lines the engine logged while handling
 * it, so they reach OpenClaw's log next to the hook that caused them.
 */
export const ResponseSchema = z.union([
  z.object({
    id: RequestIdSchema,
    ok: z.literal(true),
    result: z.unknown().optional(),
    logs: z.array(z.string()).optional(),
  }),
  z.object({
    id: RequestIdSchema.nullable(),
    ok: z.literal(false),
    error: ProtocolErrorSchema,
    logs: z.array(z.string()).optional(),
  }),
]);

/** A response. */
export type Response = z.infer<typeof ResponseSchema>;

/** Log levels, as OpenClaw's `api.logger` has them. */
export const LogLevelSchema = z.enum(["debug", "info", "warn", "error"]);

/** A log level. */
export type LogLevel = z.infer<typeof LogLevelSchema>;

/** An unsolicited log line (warnings, errors, debug lines, and anything logged between requests). */
export const LogMessageSchema = z.object({
  type: z.literal("log"),
  level: LogLevelSchema,
  line: z.string(),
});

/** A log message. */
export type LogMessage = z.infer<typeof LogMessageSchema>;

/** Everything the engine writes to stdout, one per line. */
export type EngineMessage = Response | LogMessage;

/**
 * Longest request line the engine reads (bytes, newline excluded). Longer lines are
 * discarded as they stream in, never buffered whole, and answered with LINE_TOO_LONG.
 * The plugin trims events to at most half of this before sending (see `plugin/bound.js`).
 */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;
