import type { HookContext } from "./hook_context.ts";

/** Why a turn is not learned from; see {@link learningExclusion}. */
export type Exclusion =
  | "trigger_cron"
  | "trigger_heartbeat"
  | "trigger_internal"
  | "cron_job"
  | "cron_session"
  | "heartbeat_session"
  | "subagent_session"
  | "internal_input"
  | "wake_prompt";

/** Triggers of runs nobody typed: a scheduled job, a heartbeat, memory flushes, overflow compaction. */
const TRIGGERS: Readonly<Record<string, Exclusion>> = {
  cron: "trigger_cron",
  heartbeat: "trigger_heartbeat",
  memory: "trigger_internal",
  overflow: "trigger_internal",
};
/** The texts OpenClaw sends as the "user" of a wake-up turn (`INTERNAL_WAKE_TRANSCRIPT_PROMPTS`). */
const WAKE_PROMPTS = [
  "[OpenClaw heartbeat poll]",
  "[OpenClaw cron wake]",
  "[OpenClaw exec completion]",
  "[OpenClaw session event]",
];

/** The part of `agent:<agentId>:<rest>` after the agent id, lowercased (the whole key otherwise). */
function keyRest(sessionKey: string): string {
  const key = sessionKey.trim().toLowerCase();
  const match = /^agent:[^:]+:(.*)$/.exec(key);
  return match ? match[1] ?? "" : key;
}

/**
 * Whether a turn must not be learned from, and why — or `undefined` for a person's turn. Only
 * people give feedback worth learning; automated turns would teach the memory about schedules.
 * Recognised the way OpenClaw 2026.9 itself tells them apart (`session-key-utils`,
 * `heartbeat-filter`, `InputProvenance`):
 *
 * - `ctx.trigger` is `cron`, `heartbeat`, `memory` or `overflow` (`user`, `manual` or absent learn);
 * - `ctx.jobId` is set (a cron job's run);
 * - the session key, after `agent:<id>:`, starts with `cron:` (cron sessions and runs) or
 *   `subagent:` or holds `:subagent:` (sub-agents at any depth), or the key ends in `:heartbeat`;
 * - `ctx.inputProvenance.kind` is `internal_system` or `inter_session`, or its `sourceRole` is
 *   `subagent` (another session or agent wrote the "user" text);
 * - the prompt is one of OpenClaw's wake-up texts (`[OpenClaw heartbeat poll]`, …).
 *
 * @example
 * ```ts
 * learningExclusion({ trigger: "heartbeat", sessionKey: "agent:main:main" }, "…"); // "trigger_heartbeat"
 * learningExclusion({ sessionKey: "agent:main:subagent:7f3a" }, "…"); // "subagent_session"
 * learningExclusion({ trigger: "user", sessionKey: "agent:main:main" }, "fix it"); // undefined
 * ```
 */
export function learningExclusion(ctx: HookContext, prompt?: string): Exclusion | undefined {
  const byTrigger = ctx.trigger ? TRIGGERS[ctx.trigger.toLowerCase()] : undefined;
  if (byTrigger) return byTrigger;
  if (ctx.jobId) return "cron_job";
  if (ctx.sessionKey) {
    const rest = keyRest(ctx.sessionKey);
    if (rest.startsWith("cron:")) return "cron_session";
    if (rest.startsWith("subagent:") || rest.includes(":subagent:")) return "subagent_session";
    if (rest.endsWith(":heartbeat") || rest === "heartbeat") return "heartbeat_session";
  }
  const provenance = ctx.inputProvenance;
  if (
    provenance?.kind === "internal_system" || provenance?.kind === "inter_session" ||
    provenance?.sourceRole === "subagent"
  ) return "internal_input";
  const text = prompt?.trimStart() ?? "";
  if (WAKE_PROMPTS.some((wake) => text.startsWith(wake))) return "wake_prompt";
  return undefined;
}
