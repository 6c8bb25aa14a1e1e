/**
 * The engine's eyes: sources (the OpenClaw SQLite store, legacy JSONL
 * sessions, plain logs, stdin) read incrementally, and the signals found in
 * them — failures hidden in tool results and model errors, repeated tool calls,
 * and what the user says, in four languages.
 *
 * @module
 */
export { ERROR_TYPES, isErrorSignal } from "./signal.ts";
export type {
  BehaviourSignal,
  ErrorOrigin,
  ErrorSignal,
  ErrorType,
  LoopSignal,
  RecurringSignal,
  Signal,
  SignalSource,
  StagnationSignal,
  UserSignal,
} from "./signal.ts";
export { REPEAT_THRESHOLD, TranscriptExtractor } from "./transcript_extractor.ts";
export type { EventPlace, Extracted } from "./transcript_extractor.ts";
export { classifyFailure, textSignals } from "./classify_failure.ts";
export { leadingTime } from "./leading_time.ts";
export type { Failure } from "./classify_failure.ts";
export { messageText, toolCalls } from "./transcript_event.ts";
export type { MessageEvent, TranscriptMessage } from "./transcript_event.ts";
export { SourceCursorSchema } from "./sources/cursor.ts";
export type { SourceCursor } from "./sources/cursor.ts";
export type { ReadResult, SourceItem, SourceReader } from "./sources/source.ts";
export { openclawSources, sourcesAt } from "./sources/discover.ts";
export { logFileSource, stdinSource } from "./sources/log_source.ts";
export { openclawSqliteSource } from "./sources/openclaw_sqlite.ts";
export { jsonlSessionSource } from "./sources/jsonl_sessions.ts";
export { SIGNAL_TYPES } from "./text/mod.ts";
export type { Lang, SignalType } from "./text/mod.ts";
