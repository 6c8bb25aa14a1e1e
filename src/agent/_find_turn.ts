import type { PendingTask, TaskTurn } from "./task_state.ts";

/** The turn of `runId` (the hooks of one run share it), else the task's latest turn. */
export function _findTurn(task: PendingTask, runId: string | undefined): TaskTurn | undefined {
  if (runId) {
    const match = task.turns.findLast((t) => t.runId === runId);
    if (match) return match;
  }
  return task.turns.at(-1);
}
