import { bounded, errorLineAt, excerptAround, stripAnsi } from "./_text.ts";
import type { ErrorOrigin, ErrorType, Signal, SignalSource } from "./signal.ts";
import {
  classifyText,
  type Lang,
  type SignalType,
  type TextMatch,
  type TextRole,
} from "./text/mod.ts";

/** Failure categories, most telling first when several match one text. */
const RANKED: readonly ErrorType[] = [
  "integration_key_missing",
  "permission_denied",
  "missing_resource",
  "timeout",
  "network_failure",
  "parse_error",
  "unsupported_input_type",
  "llm_error",
];
const FAILURE_TYPES: readonly SignalType[] = [...RANKED, "log_error"];

/** A failure found in text: its category (undefined for a plain error line) and where. */
export interface Failure {
  readonly type: ErrorType | undefined;
  readonly lang: Lang;
  readonly pattern: string;
  readonly index: number;
}

/** The most specific failure among a text's matches. */
function failureOf(matches: readonly TextMatch[]): Failure | undefined {
  for (const type of RANKED) {
    const hit = matches.find((m) => m.type === type);
    if (hit) return { type, lang: hit.lang, pattern: hit.pattern, index: hit.index };
  }
  const generic = matches.find((m) => m.type === "log_error");
  return generic &&
    { type: undefined, lang: generic.lang, pattern: generic.pattern, index: generic.index };
}

/**
 * The failure a text reports, if any: the most specific category among the
 * patterns that match (a plain "Error: …" line has `type: undefined`, and the
 * caller names it by where it surfaced: tool_error, llm_error, log_error).
 *
 * @example
 * ```ts
 * classifyFailure("Error: ENOENT: no such file or directory")?.type; // "missing_resource"
 * ```
 */
export function classifyFailure(text: string): Failure | undefined {
  return failureOf(classifyText(text, { role: "tool", types: FAILURE_TYPES }));
}

const ORIGIN: Record<TextRole, ErrorOrigin> = {
  user: "user",
  assistant: "assistant",
  tool: "tool",
  log: "log",
};
const GENERIC: Record<ErrorOrigin, ErrorType> = {
  user: "log_error",
  assistant: "log_error",
  tool: "tool_error",
  model: "llm_error",
  log: "log_error",
};

/** Signal types that free text states directly (failures are reported once, separately). */
const STATED = new Set<SignalType>([
  "user_correction",
  "user_praise",
  "user_feature_request",
  "user_improvement_suggestion",
  "perf_bottleneck",
  "capability_gap",
]);

/**
 * Signals in a piece of free text (a user message, the assistant's words, a log
 * line): the user's corrections, praise and requests, slowness, capability gaps,
 * and — unless `failures` is false — at most one failure, of its most specific
 * category. The text is scanned once.
 */
export function textSignals(
  raw: string,
  role: TextRole,
  source: SignalSource,
  time: string | undefined,
  options: { readonly failures?: boolean; readonly types?: readonly SignalType[] } = {},
): Signal[] {
  const text = stripAnsi(raw);
  if (text.trim() === "") return [];
  const matches = classifyText(text, options.types ? { role, types: options.types } : { role });
  const kept = bounded(text);
  const signals: Signal[] = [];
  for (const match of matches) {
    if (!STATED.has(match.type)) continue;
    signals.push({
      type: match.type as Exclude<
        Signal["type"],
        ErrorType | "repeated_tool_loop" | "recurring_error" | "evolution_stagnation"
      >,
      source,
      time,
      lang: match.lang,
      detector: match.pattern,
      text: kept,
      excerpt: excerptAround(text, match.index),
    });
  }
  const failure = options.failures === false ? undefined : failureOf(matches);
  if (failure) {
    const origin = ORIGIN[role];
    signals.push({
      type: failure.type ?? GENERIC[origin],
      origin,
      source,
      time,
      lang: failure.lang,
      detector: failure.pattern,
      text: kept,
      excerpt: excerptAround(text, failure.index),
      errorText: errorLineAt(text, failure.index),
    });
  }
  return signals;
}
