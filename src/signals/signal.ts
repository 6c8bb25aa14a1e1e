import type { Lang, SignalType } from "./text/mod.ts";

/** Error categories: each occurrence of a failure gets exactly one of these types. */
export const ERROR_TYPES = [
  "timeout",
  "permission_denied",
  "missing_resource",
  "network_failure",
  "integration_key_missing",
  "parse_error",
  "unsupported_input_type",
  "tool_error",
  "llm_error",
  "log_error",
] as const satisfies readonly SignalType[];

/** A failure category; see {@link ERROR_TYPES}. */
export type ErrorType = typeof ERROR_TYPES[number];

/** Where a failure surfaced. */
export type ErrorOrigin = "tool" | "model" | "log" | "user" | "assistant";

/** Where a signal was read: enough to find it again. */
export interface SignalSource {
  /** The source id: `openclaw:<agent>`, `file:<path>`, `stdin`, `hook`. */
  readonly id: string;
  /** OpenClaw session id, when the source has sessions. */
  readonly session?: string;
  /** Line number or event sequence number within the source/session. */
  readonly position?: number;
}

interface SignalBase {
  readonly source: SignalSource;
  /** ISO 8601 time of the event, when the source says. */
  readonly time: string | undefined;
  /** Language of the text ("other" when none of the four). */
  readonly lang: Lang | "other";
  /** Which detector fired: a text pattern id or a structural rule (`structure.tool_is_error`). */
  readonly detector: string;
  /** The text the signal was found in (a message, a tool's output, a log line), at most {@link TEXT_CHARS}. */
  readonly text: string;
  /** A short piece of the text around what fired (at most {@link EXCERPT_CHARS}). */
  readonly excerpt: string;
}

/** A failure: something went wrong in a tool, the model, a log or the user's report. */
export interface ErrorSignal extends SignalBase {
  readonly type: ErrorType;
  readonly origin: ErrorOrigin;
  /** The error text, normalised for clustering (one line, at most {@link ERROR_TEXT_CHARS}). */
  readonly errorText: string;
  /** The tool that failed, for tool errors. */
  readonly tool?: string;
  /** The cluster it joined, once clustered. */
  readonly clusterId?: string;
}

/** What the user said about the agent's work, or asked of it. */
export interface UserSignal extends SignalBase {
  readonly type:
    | "user_correction"
    | "user_praise"
    | "user_feature_request"
    | "user_improvement_suggestion";
}

/** The agent's behaviour: slow, or unable to do something. */
export interface BehaviourSignal extends SignalBase {
  readonly type: "perf_bottleneck" | "capability_gap";
}

/** The same tool call, with the same arguments, several times in a row. */
export interface LoopSignal extends SignalBase {
  readonly type: "repeated_tool_loop";
  readonly tool: string;
  readonly repeats: number;
}

/** An error cluster that keeps coming back. */
export interface RecurringSignal extends SignalBase {
  readonly type: "recurring_error";
  readonly clusterId: string;
  readonly count: number;
}

/** Evolution has stopped improving things (raised by the evolution cycle). */
export interface StagnationSignal extends SignalBase {
  readonly type: "evolution_stagnation";
  readonly cycles: number;
}

/** One signal: a discriminated union on `type`. */
export type Signal =
  | ErrorSignal
  | UserSignal
  | BehaviourSignal
  | LoopSignal
  | RecurringSignal
  | StagnationSignal;

/** Longest text kept with a signal. */
export const TEXT_CHARS = 2000;
/** Longest excerpt kept with a signal. */
export const EXCERPT_CHARS = 240;
/** Longest error text kept for clustering. */
export const ERROR_TEXT_CHARS = 400;

const ERROR_SET: ReadonlySet<string> = new Set(ERROR_TYPES);

/** Narrows a signal to a failure. */
export function isErrorSignal(signal: Signal): signal is ErrorSignal {
  return ERROR_SET.has(signal.type);
}
