import { AfterToolCallEventSchema } from "./hook_events.ts";
import { MAX_TOOLS_PER_TURN } from "./task_state.ts";
import { toolEventFromCall } from "./tool_events.ts";
import type { _HostCore } from "./_host_core.ts";
import { _findTurn } from "./_find_turn.ts";
import { _sessionLabel, _token } from "./_log_format.ts";
import { _parseHook } from "./_parse_hook.ts";

/**
 * `after_tool_call`: records one tool call's outcome on the session's current turn (kept in
 * memory; `agent_end` saves the session). Fires even without conversation access. Never throws.
 */
export async function _afterToolCall(core: _HostCore, event: unknown, ctx: unknown): Promise<void> {
  try {
    const hook = _parseHook(core, "after_tool_call", AfterToolCallEventSchema, event, ctx);
    if (!hook?.sessionKey) return;
    const key = hook.sessionKey;
    await core.ensureLoaded();
    await core.withSession(key, () => {
      const task = core.session(key)?.task ?? undefined;
      const turn = task ? _findTurn(task, hook.ctx.runId ?? hook.event.runId) : undefined;
      const tool = toolEventFromCall(hook.event, (text, max) => core.clean(text, max));
      core.log(
        `[lshml] after_tool_call captured session=${_sessionLabel(key)} tool=${
          _token(tool.name)
        } ` +
          `ok=${tool.ok} task=${task?.id ?? "none"}`,
      );
      const duplicate = tool.id !== undefined && turn?.tools.some((t) => t.id === tool.id);
      if (turn && !duplicate && turn.tools.length < MAX_TOOLS_PER_TURN) turn.tools.push(tool);
      return Promise.resolve();
    });
  } catch (error) {
    core.log(`[lshml] hook after_tool_call failed: ${(error as Error).message}`);
  }
}
