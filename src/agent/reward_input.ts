import type { RewardInput, TaskEnd } from "../llm/mod.ts";
import type { Feedback } from "../signals/text/mod.ts";
import type { PendingTask, TaskTurn } from "./task_state.ts";

/** Error lines passed to a reward model. */
const MAX_ERRORS = 5;

/** How a task ended, with the feedback text (sanitised) when the user's words end it. */
export interface TaskOutcome {
  readonly end: TaskEnd;
  readonly feedback?: { readonly text: string; readonly verdict: Feedback };
}

/**
 * The turns a score applies to: those after the last scoring (negative feedback scores a task
 * and lets it go on; the next score covers only what came after).
 *
 * @example
 * ```ts
 * unscoredTurns({ ...task, scoredThrough: 1 }).length; // task.turns.length - 1
 * ```
 */
export function unscoredTurns(task: PendingTask): TaskTurn[] {
  return task.turns.slice(task.scoredThrough);
}

/**
 * The reward provider's view of a task's unscored turns: prompts and responses, tool successes
 * and failures with a few error lines, whether a run failed (a model error), how it ended and
 * the user's feedback. Text in a task is already sanitised (pass 1) when it is recorded.
 *
 * @example
 * ```ts
 * const input = rewardInputOf(task, { end: "feedback", feedback: { text, verdict: detectFeedback(text) } });
 * ```
 */
export function rewardInputOf(task: PendingTask, outcome: TaskOutcome): RewardInput {
  const turns = unscoredTurns(task);
  const tools = turns.flatMap((t) => t.tools);
  const failedRun = turns.find((t) => t.runOk === false);
  const errors = [
    ...tools.filter((t) => !t.ok).map((t) => `${t.name}: ${t.error ?? "failed"}`),
    ...turns.flatMap((t) => t.modelError ? [`model: ${t.modelError}`] : []),
  ].slice(0, MAX_ERRORS);
  return {
    intent: task.intent,
    turns: turns.map((t) =>
      t.response === undefined ? { prompt: t.prompt } : { prompt: t.prompt, response: t.response }
    ),
    tools: {
      ok: tools.filter((t) => t.ok).length,
      failed: tools.filter((t) => !t.ok).length,
      errors,
    },
    run: failedRun
      ? { failed: true, ...(failedRun.modelError ? { error: failedRun.modelError } : {}) }
      : { failed: false },
    end: outcome.end,
    ...(outcome.feedback ? { feedback: outcome.feedback } : {}),
  };
}
