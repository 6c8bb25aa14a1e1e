import { z } from "zod";

/** Longest stored prompt, response or tool text of a turn (after pass 1 of the sanitiser). */
export const TURN_TEXT_CHARS = 1200;
/** Most tool events kept per turn. */
export const MAX_TOOLS_PER_TURN = 32;
/** Most turns kept per task (a task closes at `runtime.maxTurnsPerTask`, at most 100). */
export const MAX_TURNS_PER_TASK = 100;

const Text = z.string().max(TURN_TEXT_CHARS + 1);

/** One tool call of a turn: what was called, with what (shortly), and whether it failed. */
export const ToolEventSchema = z.object({
  id: z.string().max(512).optional(),
  name: z.string().min(1).max(256),
  ok: z.boolean(),
  /** Parameters in short: a path, a command (sanitised). */
  detail: Text.optional(),
  /** The error line when it failed (sanitised). */
  error: Text.optional(),
});

/** See {@link ToolEventSchema}. */
export type ToolEvent = z.infer<typeof ToolEventSchema>;

/** One turn of a task: the user's prompt, what came of it, and the memories injected into it. */
export const TaskTurnSchema = z.object({
  runId: z.string().max(512).optional(),
  /** Epoch milliseconds of `before_prompt_build`. */
  at: z.number(),
  prompt: Text,
  response: Text.optional(),
  tools: z.array(ToolEventSchema).max(MAX_TOOLS_PER_TURN),
  /** Set by `agent_end`: false after a model error (even when OpenClaw says success). */
  runOk: z.boolean().optional(),
  modelError: Text.optional(),
  /** Memories injected into this turn (phase B's selection): the ones its outcome rewards. */
  selectedIds: z.array(z.string().max(256)).max(20),
});

/** See {@link TaskTurnSchema}. */
export type TaskTurn = z.infer<typeof TaskTurnSchema>;

/**
 * A pending task (the seed's state machine): `open` while the agent works on it,
 * `waiting_feedback` once a response came back, aggregated over turns until a boundary closes it.
 */
export const PendingTaskSchema = z.object({
  id: z.string().min(1).max(128),
  state: z.enum(["open", "waiting_feedback"]),
  /** The first prompt, sanitised: what the task is about; its embedding decides "new intent". */
  intent: Text,
  /** Epoch milliseconds. */
  createdAt: z.number(),
  /** Epoch milliseconds of the last activity (the TTL runs from here). */
  updatedAt: z.number(),
  /** The session turn (1-based) the task started in, for `runtime.observeTurns`. */
  startTurn: z.number().int().min(1),
  /** Turns since the last response that brought no feedback. */
  idleTurns: z.number().int().min(0),
  /** Turns before this index were already scored (negative feedback scores and continues). */
  scoredThrough: z.number().int().min(0),
  turns: z.array(TaskTurnSchema).max(MAX_TURNS_PER_TASK),
});

/** See {@link PendingTaskSchema}. */
export type PendingTask = z.infer<typeof PendingTaskSchema>;

/** What lshml keeps per OpenClaw session. */
export const SessionStateSchema = z.object({
  key: z.string().min(1).max(512),
  /** User turns seen in this session. */
  turns: z.number().int().min(0),
  /** Epoch milliseconds of the last hook for this session. */
  updatedAt: z.number(),
  task: PendingTaskSchema.nullable(),
});

/** See {@link SessionStateSchema}. */
export type SessionState = z.infer<typeof SessionStateSchema>;
