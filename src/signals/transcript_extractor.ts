import { bounded, errorLineAt, excerptAround, oneLine, stripAnsi } from "./_text.ts";
import { classifyFailure, textSignals } from "./classify_failure.ts";
import {
  ERROR_TEXT_CHARS,
  type ErrorSignal,
  type LoopSignal,
  type Signal,
  type SignalSource,
} from "./signal.ts";
import { detectLanguage } from "./text/mod.ts";
import {
  type MessageEvent,
  MessageEventSchema,
  messageText,
  toolCalls,
  type TranscriptMessage,
} from "./transcript_event.ts";

/** The same call this many times in a row is a loop (the third identical call fires). */
export const REPEAT_THRESHOLD = 3;
/** A successful tool output longer than this is content (a file, a page), not an error report. */
const HIDDEN_ERROR_MAX_CHARS = 2000;

/** Where an event came from. */
export interface EventPlace {
  readonly sourceId: string;
  readonly session: string;
  readonly position: number;
}

/** What {@link TranscriptExtractor.extract} made of one event. */
export type Extracted =
  | { readonly ok: true; readonly signals: Signal[] }
  | { readonly ok: false; readonly reason: string };

interface Streak {
  key: string;
  tool: string;
  count: number;
}

function stableKey(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "undefined";
  if (Array.isArray(value)) return `[${value.map(stableKey).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0
  );
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableKey(v)}`).join(",")}}`;
}

/** OpenClaw writes `2026-11-21T11:15:13.151Z`; such a value is used as it is. */
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function eventTime(event: MessageEvent): string | undefined {
  const stamp = event.timestamp;
  if (stamp && CANONICAL_TIME.test(stamp)) return stamp;
  if (stamp && !Number.isNaN(Date.parse(stamp))) return new Date(stamp).toISOString();
  const ms = event.message.timestamp;
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/**
 * Turns OpenClaw transcript events into signals. Failures hide in several
 * places, and each is looked for: a tool result marked `isError`; a tool result
 * marked fine whose short output reports an error or whose exit code is not 0;
 * an assistant turn that ended with `stopReason: "error"` and an
 * `errorMessage`; the same tool call repeated; and the user's and the
 * assistant's own words (corrections, praise, requests, "I can't …").
 *
 * Stateful per session (for repeated calls); feed one source's events in order.
 */
export class TranscriptExtractor {
  readonly #streaks = new Map<string, Streak>();

  /** Signals of one raw event (already JSON-parsed); non-message events give none. */
  extract(raw: unknown, place: EventPlace): Extracted {
    if ((raw as { type?: unknown } | null)?.type !== "message") return { ok: true, signals: [] };
    const parsed = MessageEventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, reason: `not a transcript message at ${issue?.path.join(".")}` };
    }
    const event = parsed.data;
    const source: SignalSource = {
      id: place.sourceId,
      session: place.session,
      position: place.position,
    };
    const time = eventTime(event);
    const message = event.message;
    switch (message.role) {
      case "user":
        return { ok: true, signals: textSignals(messageText(message), "user", source, time) };
      case "assistant":
        return { ok: true, signals: this.#assistant(message, place, source, time) };
      case "toolResult":
        return { ok: true, signals: toolResultSignals(message, source, time) };
      default:
        return { ok: true, signals: [] };
    }
  }

  #assistant(
    message: TranscriptMessage,
    place: EventPlace,
    source: SignalSource,
    time: string | undefined,
  ): Signal[] {
    const text = messageText(message);
    // The assistant retelling a tool failure is the same failure: keep only what
    // its own words add (capability gaps, slowness).
    const signals: Signal[] = textSignals(text, "assistant", source, time)
      .filter((s) => s.type === "capability_gap" || s.type === "perf_bottleneck");
    if (message.stopReason === "error") {
      const errorText = stripAnsi(message.errorMessage ?? "model request failed");
      signals.push(modelError(errorText, source, time));
    }
    for (const call of toolCalls(message)) {
      const loop = this.#count(place.session, call.name, call.args, source, time);
      if (loop) signals.push(loop);
    }
    return signals;
  }

  #count(
    session: string,
    tool: string,
    args: unknown,
    source: SignalSource,
    time: string | undefined,
  ): LoopSignal | undefined {
    const key = `${tool}\u0000${stableKey(args)}`;
    const streak = this.#streaks.get(session);
    if (streak && streak.key === key) streak.count++;
    else this.#streaks.set(session, { key, tool, count: 1 });
    const count = streak && streak.key === key ? streak.count : 1;
    if (count !== REPEAT_THRESHOLD) return undefined;
    const call = oneLine(`${tool} ${stableKey(args)}`, 200);
    return {
      type: "repeated_tool_loop",
      source,
      time,
      lang: "other",
      detector: "structure.repeated_tool_call",
      text: call,
      excerpt: `${call} ×${count}`,
      tool,
      repeats: count,
    };
  }
}

function modelError(
  errorText: string,
  source: SignalSource,
  time: string | undefined,
): ErrorSignal {
  const failure = classifyFailure(errorText);
  return {
    type: failure?.type ?? "llm_error",
    origin: "model",
    source,
    time,
    lang: failure?.lang ?? detectLanguage(errorText),
    detector: failure
      ? `structure.stop_reason_error+${failure.pattern}`
      : "structure.stop_reason_error",
    text: bounded(errorText),
    excerpt: excerptAround(errorText, failure?.index ?? 0),
    errorText: `model: ${oneLine(errorText, ERROR_TEXT_CHARS)}`,
  };
}

/** Longest tool output parsed as a JSON error envelope (an envelope is a few hundred bytes). */
const ENVELOPE_MAX_CHARS = 8_000;
/** What every error envelope holds, checked before paying for a parse. */
const ERROR_STATUS = /"status"\s*:\s*"error"/;

/**
 * The `error` of an OpenClaw tool's failure envelope (`{"status": "error", "tool": …,
 * "error": "File not found: …"}`) when that is the whole output. Transcripts also keep it in
 * `details`; hook payloads may not, and both must give the same error line, or live healing
 * would not find the clusters the scanner made.
 */
function errorEnvelope(output: string): string | undefined {
  const text = output.trim();
  if (!text.startsWith("{") || text.length > ENVELOPE_MAX_CHARS) return undefined;
  // Most JSON outputs are content, not envelopes: parse only those that say so.
  if (!ERROR_STATUS.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // output that merely starts with "{" is not an envelope
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { status, error } = value as { status?: unknown; error?: unknown };
  return status === "error" && typeof error === "string" && error !== "" ? error : undefined;
}

function toolResultSignals(
  message: TranscriptMessage,
  source: SignalSource,
  time: string | undefined,
): Signal[] {
  const tool = message.toolName ?? "tool";
  const output = messageText(message);
  // Hook payloads may carry the tool's JSON envelope without the `details` copy of it.
  const envelope = message.details?.error ? undefined : errorEnvelope(output);
  // A tool's own error field is the cleanest statement of the failure; else its output.
  const text = stripAnsi(message.details?.error || envelope || output);
  const exitCode = message.details?.exitCode;
  const failedExit = typeof exitCode === "number" && exitCode !== 0;
  const failedStatus = message.details?.status === "error" || envelope !== undefined;
  const marked = message.isError === true;
  // Long successful output (a file, a page) is content, not an error report: not scanned.
  const flagged = marked || failedExit || failedStatus;
  if (!flagged && text.length > HIDDEN_ERROR_MAX_CHARS) return [];
  const failure = classifyFailure(text.slice(0, HIDDEN_ERROR_MAX_CHARS * 2));
  if (!flagged && failure === undefined) return [];
  const at = failure?.index ?? 0;
  const detector = marked
    ? "structure.tool_is_error"
    : failedExit
    ? "structure.tool_exit_code"
    : "structure.tool_output_error";
  const line = errorLineAt(text, at) || `exit code ${exitCode ?? "?"}`;
  // A tool that succeeded but whose output reports an error (it read a log, it
  // printed a failing program's message) did not fail itself: the error is content.
  const origin = marked || failedExit || failedStatus ? "tool" : "log";
  return [{
    type: failure?.type ?? (origin === "tool" ? "tool_error" : "log_error"),
    origin,
    source,
    time,
    lang: failure?.lang ?? detectLanguage(text),
    detector: failure ? `${detector}+${failure.pattern}` : detector,
    text: bounded(text),
    excerpt: excerptAround(text, at),
    errorText: oneLine(`${tool}: ${line}`, ERROR_TEXT_CHARS),
    tool,
  }];
}
