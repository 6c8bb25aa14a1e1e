import type { Config } from "../config/mod.ts";
import type { TaskEnd } from "../llm/mod.ts";
import type { Feedback } from "../signals/text/mod.ts";
import type { PendingTask } from "./task_state.ts";

/** The `runtime.*` settings the state machine reads. */
export type BoundarySettings = Pick<
  Config["runtime"],
  | "minPromptChars"
  | "newIntentSimilarityThreshold"
  | "idleTurnsToClose"
  | "pendingTtlMs"
  | "maxTurnsPerTask"
>;

/** What {@link decideBoundary} looks at. */
export interface BoundaryInput {
  /** The session's pending task, if any. */
  readonly task: PendingTask | undefined;
  /** The prompt after pass 1 of the sanitiser. */
  readonly prompt: string;
  /** `detectFeedback(prompt)`. */
  readonly feedback: Feedback;
  /** Cosine similarity of the prompt's embedding to the task's intent (undefined without a task). */
  readonly similarity: number | undefined;
  /** Epoch milliseconds. */
  readonly now: number;
  readonly settings: BoundarySettings;
}

/** How the pending task ends before this turn, and whether the user's feedback scores it. */
export interface Close {
  readonly reason: TaskEnd;
  /** True when the prompt is feedback on the task (its words score the outcome). */
  readonly withFeedback: boolean;
}

/**
 * What happens at a turn:
 * - `open`: a new task starts with `intent` (after closing the pending one, if `close`);
 * - `continue`: the turn joins the pending task (`idle`: it brought no feedback on a response);
 * - `retry`: negative feedback scores the task's turns so far, and the task goes on with this turn;
 * - `none`: no task for this turn (after closing the pending one, if `close`).
 */
export type BoundaryDecision =
  | { readonly action: "open"; readonly intent: string; readonly close?: Close }
  | { readonly action: "continue"; readonly idle: boolean }
  | { readonly action: "retry"; readonly close: Close }
  | { readonly action: "none"; readonly close?: Close };

const SENTENCE_END = /[.!?。！？\n]+\s*/;

/** The text after the first sentence: "great, it works! Now add X" → "Now add X". */
function afterFirstSentence(text: string): string {
  const m = SENTENCE_END.exec(text);
  return m ? text.slice(m.index + m[0].length).trim() : "";
}

/** True when the task has a turn with an outcome (a response or a finished run) not yet scored. */
export function hasUnscoredOutcome(task: PendingTask): boolean {
  return task.turns.slice(task.scoredThrough).some((t) =>
    t.response !== undefined || t.runOk !== undefined || t.tools.length > 0
  );
}

function openOrNone(input: BoundaryInput, close?: Close): BoundaryDecision {
  const polar = input.feedback.isFeedback && input.feedback.polarity !== "neutral";
  if (input.prompt.length >= input.settings.minPromptChars && !polar) {
    return close ? { action: "open", intent: input.prompt, close } : {
      action: "open",
      intent: input.prompt,
    };
  }
  return close ? { action: "none", close } : { action: "none" };
}

function onFeedback(input: BoundaryInput, task: PendingTask): BoundaryDecision {
  const { settings, feedback } = input;
  const close: Close = { reason: "feedback", withFeedback: true };
  if (feedback.polarity === "negative" || feedback.polarity === "mixed") {
    // The agent will try again in this same task, unless it is out of turns.
    return task.turns.length >= settings.maxTurnsPerTask
      ? { action: "none", close }
      : { action: "retry", close };
  }
  // Praise may come with the next request: "great, it works! Now add a CSV export."
  const rest = afterFirstSentence(input.prompt);
  const dissimilar = (input.similarity ?? 0) < settings.newIntentSimilarityThreshold;
  return rest.length >= settings.minPromptChars && dissimilar
    ? { action: "open", intent: rest, close }
    : { action: "none", close };
}

/**
 * The task state machine of the agent path (the seed's, DESIGN §6.6), as a pure decision. Checked
 * in this order at each `before_prompt_build`:
 *
 * 1. no pending task → `open` when the prompt has `minPromptChars` and is not feedback;
 * 2. TTL: more than `pendingTtlMs` since the task's last activity → close (`ttl`);
 * 3. feedback on an unscored response (polar: positive, negative or mixed) → close with the
 *    user's words (`feedback`): negative or mixed → `retry` (the task goes on; `none` when it is
 *    out of turns); positive → `open` a new task when a new request follows the praise and is
 *    dissimilar to the intent, else `none`;
 * 4. turn limit: `maxTurnsPerTask` turns → close (`max_turns`);
 * 5. new intent: a prompt of `minPromptChars` that is not feedback, with cosine similarity to
 *    the intent below `newIntentSimilarityThreshold` → close (`new_intent`);
 * 6. idle: the `idleTurnsToClose`-th turn without feedback after a response → close (`idle`);
 * 7. otherwise `continue`.
 *
 * After a close by 2, 4, 5 or 6 the prompt opens a new task as in 1. A bare acknowledgement ("ok")
 * is neutral feedback: it neither scores nor starts anything, it counts as an idle turn. Closing
 * never discards: the caller scores the closed task from what is known.
 *
 * @example
 * ```ts
 * decideBoundary({ task: undefined, prompt: "fix the build", feedback: detectFeedback("fix the build"),
 *   similarity: undefined, now: 0, settings: config.runtime });
 * // { action: "open", intent: "fix the build" }
 * ```
 */
export function decideBoundary(input: BoundaryInput): BoundaryDecision {
  const { task, settings, feedback, now } = input;
  if (!task) return openOrNone(input);
  if (now - task.updatedAt > settings.pendingTtlMs) {
    return openOrNone(input, { reason: "ttl", withFeedback: false });
  }
  // Waiting for feedback: a response (or a finished run) came back and was not scored yet. The
  // outcome, not the state flag, decides, so a lost agent_end does not lose the feedback.
  const awaiting = hasUnscoredOutcome(task);
  if (awaiting && feedback.isFeedback && feedback.polarity !== "neutral") {
    return onFeedback(input, task);
  }
  if (task.turns.length >= settings.maxTurnsPerTask) {
    return openOrNone(input, { reason: "max_turns", withFeedback: false });
  }
  const similarity = input.similarity ?? 1;
  if (
    !feedback.isFeedback && input.prompt.length >= settings.minPromptChars &&
    similarity < settings.newIntentSimilarityThreshold
  ) return openOrNone(input, { reason: "new_intent", withFeedback: false });
  if (awaiting && task.idleTurns + 1 >= settings.idleTurnsToClose) {
    return openOrNone(input, { reason: "idle", withFeedback: false });
  }
  return { action: "continue", idle: awaiting };
}
