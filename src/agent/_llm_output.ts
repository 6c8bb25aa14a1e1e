import { LlmOutputEventSchema } from "./hook_events.ts";
import { toHookMessage } from "./hook_message.ts";
import { TURN_TEXT_CHARS } from "./task_state.ts";
import type { _HostCore } from "./_host_core.ts";
import { _findTurn } from "./_find_turn.ts";
import { _sessionLabel, _token } from "./_log_format.ts";
import { _parseHook } from "./_parse_hook.ts";

/**
 * `llm_output`: logs the model's answer and fills in what `agent_end` did not record (the
 * response; a model error from `lastAssistant.stopReason`). OpenClaw calls it right after
 * `agent_end`, so it usually only confirms. Never throws.
 */
export async function _llmOutput(core: _HostCore, event: unknown, ctx: unknown): Promise<void> {
  try {
    const hook = _parseHook(core, "llm_output", LlmOutputEventSchema, event, ctx);
    if (!hook) return;
    const key = hook.sessionKey ?? hook.event.sessionId;
    const last = toHookMessage(hook.event.lastAssistant);
    const texts = hook.event.assistantTexts ?? [];
    const where = key ? `session=${_sessionLabel(key)}` : "session=none";
    core.log(
      `[lshml] llm_output captured ${where} texts=${texts.length} ` +
        `stopReason=${_token(last?.stopReason ?? "?")} model=${_token(hook.event.model ?? "?")}`,
    );
    if (!key) return;
    await core.ensureLoaded();
    await core.withSession(key, async () => {
      const task = core.session(key)?.task ?? undefined;
      const turn = task ? _findTurn(task, hook.ctx.runId ?? hook.event.runId) : undefined;
      if (!turn) return;
      const text = texts.filter((t) => t.trim() !== "").at(-1) ?? last?.text;
      let changed = false;
      if (turn.response === undefined && text) {
        turn.response = core.clean(text, TURN_TEXT_CHARS);
        changed = true;
      }
      if (last?.stopReason === "error" && turn.runOk !== false) {
        turn.runOk = false;
        turn.modelError = core.clean(last.errorMessage ?? "model error", TURN_TEXT_CHARS);
        changed = true;
      }
      const state = core.session(key);
      if (changed && state) await core.persist([state]);
    });
  } catch (error) {
    core.log(`[lshml] hook llm_output failed: ${(error as Error).message}`);
  }
}
