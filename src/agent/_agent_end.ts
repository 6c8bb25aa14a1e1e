import { AgentEndEventSchema } from "./hook_events.ts";
import { type HookMessage, lastTurn, toHookMessages } from "./hook_message.ts";
import { MAX_TOOLS_PER_TURN, type TaskTurn, TURN_TEXT_CHARS } from "./task_state.ts";
import { toolEventsFromMessages } from "./tool_events.ts";
import type { _HostCore } from "./_host_core.ts";
import { _findTurn } from "./_find_turn.ts";
import { _sessionLabel } from "./_log_format.ts";
import { _parseHook } from "./_parse_hook.ts";

/** The run's outcome as told by its messages: OpenClaw says `success` even after a model error. */
function outcomeOf(messages: readonly HookMessage[], success: boolean | undefined, error: unknown) {
  const assistants = messages.filter((m) => m.role === "assistant");
  const last = assistants.at(-1);
  const modelError = last?.stopReason === "error"
    ? last.errorMessage ?? "model error"
    : typeof error === "string" && error !== ""
    ? error
    : undefined;
  const response = assistants.map((m) => m.text).filter((t) => t.trim() !== "").at(-1);
  const runOk = success !== false && modelError === undefined && !error;
  return { response, modelError, runOk };
}

function mergeTools(core: _HostCore, turn: TaskTurn, messages: readonly HookMessage[]) {
  const known = new Set(turn.tools.flatMap((t) => t.id ? [t.id] : []));
  const fromMessages = toolEventsFromMessages(messages, (text, max) => core.clean(text, max));
  // after_tool_call already reported some calls; the transcript adds the ones it missed.
  const extra = turn.tools.length === 0
    ? fromMessages
    : fromMessages.filter((t) => t.id !== undefined && !known.has(t.id));
  turn.tools.push(...extra.slice(0, Math.max(0, MAX_TOOLS_PER_TURN - turn.tools.length)));
}

/**
 * `agent_end`: records the turn's response, tool outcomes and whether the run really succeeded
 * (the last assistant message's `stopReason: "error"` counts as failure), and moves the task to
 * `waiting_feedback`. Never throws.
 */
export async function _agentEnd(core: _HostCore, event: unknown, ctx: unknown): Promise<void> {
  try {
    const hook = _parseHook(core, "agent_end", AgentEndEventSchema, event, ctx);
    if (!hook?.sessionKey) return;
    const key = hook.sessionKey;
    await core.ensureLoaded();
    await core.withSession(key, async () => {
      const where = `session=${_sessionLabel(key)}`;
      const state = core.session(key);
      const task = state?.task ?? undefined;
      const messages = lastTurn(toHookMessages(hook.event.messages));
      const { response, modelError, runOk } = outcomeOf(
        messages,
        hook.event.success,
        hook.event.error,
      );
      const turn = task ? _findTurn(task, hook.ctx.runId ?? hook.event.runId) : undefined;
      if (!state || !task || !turn) {
        core.log(`[lshml] agent_end captured ${where} task=none runOk=${runOk}`);
        return;
      }
      mergeTools(core, turn, messages);
      if (response !== undefined) turn.response = core.clean(response, TURN_TEXT_CHARS);
      turn.runOk = runOk;
      if (modelError !== undefined) turn.modelError = core.clean(modelError, TURN_TEXT_CHARS);
      const now = core.deps.now();
      task.state = "waiting_feedback";
      task.updatedAt = now;
      state.updatedAt = now;
      const failed = turn.tools.filter((t) => !t.ok).length;
      core.log(
        `[lshml] agent_end captured ${where} task=${task.id} success=${
          hook.event.success ?? "?"
        } ` +
          `runOk=${runOk} tools=${turn.tools.length} toolErrors=${failed} ` +
          `responseChars=${turn.response?.length ?? 0} durationMs=${hook.event.durationMs ?? "?"}`,
      );
      await core.persist([state]);
    });
  } catch (error) {
    core.log(`[lshml] hook agent_end failed: ${(error as Error).message}`);
  }
}
