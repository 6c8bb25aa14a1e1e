import type { Feedback } from "../signals/text/mod.ts";
import type { BoundaryDecision } from "./task_boundary.ts";
import type { PendingTask, SessionState, TaskTurn } from "./task_state.ts";
import type { _HostCore } from "./_host_core.ts";

/** What {@link _applyDecision} changes and with what. */
export interface _DecisionContext {
  readonly state: SessionState;
  readonly decision: BoundaryDecision;
  readonly newTurn: TaskTurn;
  readonly prompt: string;
  readonly feedback: Feedback;
  readonly vector: Float32Array | undefined;
  readonly where: string;
  readonly now: number;
}

/**
 * Carries out the state machine's decision on the session: scores a closed (or retried) task in
 * the background — closing scores, it never discards — then opens, continues or drops the task.
 * Returns the task this turn belongs to, if any.
 */
export function _applyDecision(core: _HostCore, c: _DecisionContext): PendingTask | undefined {
  const { state, decision, newTurn, now } = c;
  const task = state.task ?? undefined;
  const close = decision.action === "continue" ? undefined : decision.close;
  if (close && task) {
    const feedback = close.withFeedback ? { text: c.prompt, verdict: c.feedback } : undefined;
    core.scoreTask(state.key, task, { end: close.reason, ...(feedback ? { feedback } : {}) });
    const what = decision.action === "retry" ? "scored (task goes on)" : "closed";
    core.log(
      `[lshml] task ${what} ${c.where} task=${task.id} reason=${close.reason} ` +
        `turns=${task.turns.length} feedback=${close.withFeedback ? c.feedback.polarity : "none"}`,
    );
    if (decision.action !== "retry") core.forgetTask(task.id);
  }
  switch (decision.action) {
    case "open": {
      const opened: PendingTask = {
        id: core.newTaskId(),
        state: "open",
        intent: decision.intent,
        createdAt: now,
        updatedAt: now,
        startTurn: state.turns,
        idleTurns: 0,
        scoredThrough: 0,
        turns: [newTurn],
      };
      if (c.vector && decision.intent === c.prompt) core.rememberIntentVector(opened.id, c.vector);
      state.task = opened;
      return opened;
    }
    case "retry":
    case "continue": {
      if (!task) return undefined;
      if (decision.action === "retry") {
        task.scoredThrough = task.turns.length;
        task.idleTurns = 0;
      } else if (decision.idle) {
        task.idleTurns += 1;
      }
      task.turns.push(newTurn);
      task.state = "open";
      task.updatedAt = now;
      return task;
    }
    case "none":
      if (close) state.task = null;
      return undefined;
  }
}
