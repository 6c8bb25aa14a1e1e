/**
 * The agent path (DESIGN §6.6, §6.7): the host behind lshml's OpenClaw hooks. Per session, a
 * pending task (open → waiting_feedback) aggregated over turns and closed by feedback, a new
 * intent, idle turns, the TTL or the turn limit — and scored from what is known when it closes;
 * the learning gates and learn modes; the Q update of the memories used; two-pass sanitised
 * memories; recall and rank into an escaped `<lshml-memories>` block of untrusted hints; and live
 * healing, which injects a cluster's active or proven fix when its error is in sight. Pure and
 * runtime-neutral: clock, randomness, memory, embedder, providers, log sink and session store
 * are injected.
 *
 * @module
 */
export { createAgentHost, HOOK_NAMES } from "./agent_host.ts";
export type { AgentHost, HookName } from "./agent_host.ts";
export type { PromptInjection } from "./prompt_injection.ts";
export type { AgentHostOptions } from "./agent_host_options.ts";
export type {
  Awaitable,
  MemoryCandidate,
  MemoryPort,
  MemoryText,
  NewMemory,
  RankOptions,
  RankOutcome,
  RecallOptions,
  RecallResult,
  SelectedMemory,
} from "./memory_port.ts";
export type { ClusterMatch, FixGene, KnowledgePort, KnownFix } from "./knowledge_port.ts";
export type { SessionStore } from "./session_store.ts";
export {
  AGENT_SESSIONS_FILE,
  AgentSessionsDocSchema,
  AgentSessionsFile,
  createFileSessionStore,
  DEFAULT_MAX_SESSIONS,
  DEFAULT_SESSION_RETENTION_MS,
} from "./file_session_store.ts";
export type { AgentSessionsDoc, FileSessionStoreOptions } from "./file_session_store.ts";
export {
  MAX_TOOLS_PER_TURN,
  MAX_TURNS_PER_TASK,
  PendingTaskSchema,
  SessionStateSchema,
  TaskTurnSchema,
  ToolEventSchema,
  TURN_TEXT_CHARS,
} from "./task_state.ts";
export type { PendingTask, SessionState, TaskTurn, ToolEvent } from "./task_state.ts";
export { decideBoundary, hasUnscoredOutcome } from "./task_boundary.ts";
export type { BoundaryDecision, BoundaryInput, BoundarySettings, Close } from "./task_boundary.ts";
export { learningGate } from "./learning_gate.ts";
export type { GateFacts, GateSettings, LearningGate } from "./learning_gate.ts";
export { learningExclusion } from "./learning_exclusion.ts";
export type { Exclusion } from "./learning_exclusion.ts";
export { INBOUND_CONTEXT_MARKER, stripOpenClawMetadata } from "./strip_openclaw_metadata.ts";
export { sanitizeText } from "./sanitize_text.ts";
export type { SanitizeOptions } from "./sanitize_text.ts";
export { MEMORY_INTENT_CHARS, sanitizeExperience } from "./sanitize_experience.ts";
export type {
  ExperienceDeps,
  ExperienceInput,
  SanitizedExperience,
} from "./sanitize_experience.ts";
export { rewardInputOf, unscoredTurns } from "./reward_input.ts";
export type { TaskOutcome } from "./reward_input.ts";
export { learnFromTask } from "./learn_from_task.ts";
export type { LearnDeps, LearnResult } from "./learn_from_task.ts";
export { escapeHintLine, escapeHintText, WITHHELD } from "./escape_hint.ts";
export { MEMORY_SYSTEM_NOTE, MEMORY_TAG, renderMemoryBlock } from "./memory_block.ts";
export type { FixHint, InjectedMemory } from "./memory_block.ts";
export { findKnownFixes, MAX_FIXES } from "./live_healing.ts";
export type { HealingInput } from "./live_healing.ts";
export { toolEventFromCall, toolEventsFromMessages } from "./tool_events.ts";
export type { Clean } from "./tool_events.ts";
export {
  AfterToolCallEventSchema,
  AgentEndEventSchema,
  BeforePromptBuildEventSchema,
  LlmOutputEventSchema,
  MAX_HOOK_MESSAGES,
  MAX_HOOK_TEXT,
} from "./hook_events.ts";
export type {
  AfterToolCallEvent,
  AgentEndEvent,
  BeforePromptBuildEvent,
  LlmOutputEvent,
} from "./hook_events.ts";
export { HookContextSchema } from "./hook_context.ts";
export type { HookContext } from "./hook_context.ts";
export { lastTurn, toHookMessage, toHookMessages } from "./hook_message.ts";
export type { HookMessage, HookToolCall } from "./hook_message.ts";
