import type { AgentHostOptions } from "./agent_host_options.ts";
import type { PromptInjection } from "./prompt_injection.ts";
import { _afterToolCall } from "./_after_tool_call.ts";
import { _agentEnd } from "./_agent_end.ts";
import { _beforePromptBuild } from "./_before_prompt_build.ts";
import { _HostCore } from "./_host_core.ts";
import { _llmOutput } from "./_llm_output.ts";
import { _prepare } from "./_prepare.ts";

/** The OpenClaw hooks the host handles, by OpenClaw's names. */
export const HOOK_NAMES = [
  "before_prompt_build",
  "agent_end",
  "llm_output",
  "after_tool_call",
] as const;

/** One of {@link HOOK_NAMES}. */
export type HookName = typeof HOOK_NAMES[number];

/**
 * The agent path of lshml (DESIGN §6.6): one method per OpenClaw hook, each taking the hook's
 * `event` and `ctx` exactly as OpenClaw passes them. Payloads are untrusted: they are validated,
 * and a bad one is logged and ignored — no method ever throws.
 */
export interface AgentHost {
  /**
   * Closes, scores and opens tasks (the state machine), recalls and ranks memories, finds known
   * fixes for the errors in sight (live healing), and returns the `<lshml-memories>` block to
   * prepend — or `undefined` when there is nothing to inject.
   */
  beforePromptBuild(event: unknown, ctx: unknown): Promise<PromptInjection | undefined>;
  /** Records the turn's response, tool outcomes and real success; the task waits for feedback. */
  agentEnd(event: unknown, ctx: unknown): Promise<void>;
  /** Logs the model's output and fills in what `agent_end` missed. */
  llmOutput(event: unknown, ctx: unknown): Promise<void>;
  /** Records one tool call's outcome on the current turn. */
  afterToolCall(event: unknown, ctx: unknown): Promise<void>;
  /** Calls the method for an OpenClaw hook name (for a bridge that forwards hooks by name). */
  dispatch(hook: HookName, event: unknown, ctx: unknown): Promise<PromptInjection | undefined>;
  /** Resolves once the learning (scoring closed tasks) and session writes queued so far are done. */
  idle(): Promise<void>;
  /**
   * Does now what the first hook would otherwise pay for: runs payload validation, feedback
   * detection, the sanitiser, the error extraction, the knowledge lookup, the embedder and a
   * recall once on a fixed sample (their patterns, tables and the memory load lazily). Saved
   * sessions are left to the first hook. For an engine that starts while
   * OpenClaw boots, so the first prompt is as fast as the later ones. Optional; never throws.
   */
  prepare(): Promise<void>;
}

/**
 * Creates the agent host. Nothing is read or written until the first hook: then the memory's
 * size is logged (`lshml: loaded N episodic memories`) and saved sessions are restored (tasks
 * past their TTL are scored, not dropped). Learning from a closed task runs in the background,
 * one task at a time, off the hook's critical path (`idle()` waits for it).
 *
 * @example
 * ```ts
 * const host = createAgentHost({
 *   config, memory, embedder, knowledge, ...createProviders(config, { log }),
 *   now: Date.now, rng: createRng(seed), log, sessions: createFileSessionStore({ home, now: Date.now }),
 * });
 * api.on("before_prompt_build", (event, ctx) => host.beforePromptBuild(event, ctx));
 * api.on("agent_end", (event, ctx) => host.agentEnd(event, ctx));
 * ```
 */
export function createAgentHost(options: AgentHostOptions): AgentHost {
  const core = new _HostCore(options);
  const { runtime, retrieval } = options.config;
  core.log(
    `lshml: initialized learnMode=${runtime.learnMode} reward=${options.reward.name} ` +
      `summarizer=${options.summarizer.name} embedding=${options.embedder.space} ` +
      `tau=${retrieval.tau} k1=${retrieval.k1} k2=${retrieval.k2} ` +
      `sessions=${options.sessions ? "persistent" : "in-memory"}`,
  );
  const host: AgentHost = {
    beforePromptBuild: (event, ctx) => _beforePromptBuild(core, event, ctx),
    agentEnd: (event, ctx) => _agentEnd(core, event, ctx),
    llmOutput: (event, ctx) => _llmOutput(core, event, ctx),
    afterToolCall: (event, ctx) => _afterToolCall(core, event, ctx),
    async dispatch(hook, event, ctx) {
      switch (hook) {
        case "before_prompt_build":
          return await host.beforePromptBuild(event, ctx);
        case "agent_end":
          await host.agentEnd(event, ctx);
          return undefined;
        case "llm_output":
          await host.llmOutput(event, ctx);
          return undefined;
        case "after_tool_call":
          await host.afterToolCall(event, ctx);
          return undefined;
        default:
          core.log(`[lshml] hook ${String(hook).slice(0, 40)} ignored: not handled`);
          return undefined;
      }
    },
    idle: () => core.idle(),
    prepare: () => _prepare(core),
  };
  return host;
}
