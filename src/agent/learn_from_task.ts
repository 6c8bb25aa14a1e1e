import type { Config } from "../config/mod.ts";
import type { Embedder } from "../embed/mod.ts";
import type { RewardProvider, Summarizer } from "../llm/mod.ts";
import { _idList, _num, _preview, _sessionLabel } from "./_log_format.ts";
import { learningGate } from "./learning_gate.ts";
import type { MemoryPort } from "./memory_port.ts";
import { rewardInputOf, type TaskOutcome, unscoredTurns } from "./reward_input.ts";
import { sanitizeExperience } from "./sanitize_experience.ts";
import type { PendingTask } from "./task_state.ts";

/** A model's reason may be long: the log line keeps this much of the reasons. */
const REASONS_CHARS = 300;

/** What {@link learnFromTask} works with. */
export interface LearnDeps {
  readonly config: Config;
  readonly memory: MemoryPort;
  readonly embedder: Embedder;
  readonly reward: RewardProvider;
  readonly summarizer: Summarizer;
  readonly log: (line: string) => void;
  readonly homeDirs?: readonly string[];
}

/** What came of one scoring, for callers and tests. */
export type LearnResult =
  | { readonly learned: false; readonly gate: string; readonly reward?: number }
  | {
    readonly learned: true;
    readonly reward: number;
    readonly updatedIds: readonly string[];
    readonly memoryId?: string;
  };

async function writeMemory(
  task: PendingTask,
  outcome: TaskOutcome,
  reward: number,
  used: readonly string[],
  deps: LearnDeps,
  where: string,
): Promise<string | undefined> {
  if (reward < 0 && !deps.config.memory.includeFailures) {
    deps.log(`[lshml] memory append skipped ${where} reason=failures_not_stored`);
    return undefined;
  }
  const sanitized = await sanitizeExperience({
    task,
    outcome: reward < 0 ? "failure" : "success",
    reward,
    ...(outcome.feedback ? { feedback: outcome.feedback.text } : {}),
  }, {
    summarizer: deps.summarizer,
    experience: deps.config.experience,
    memory: deps.config.memory,
    ...(deps.homeDirs ? { homeDirs: deps.homeDirs } : {}),
  });
  if (!sanitized.ok) {
    deps.log(`[lshml] memory append refused ${where} reason=${sanitized.reason}`);
    return undefined;
  }
  const [vector] = await deps.embedder.embed([sanitized.intent]);
  if (!vector) throw new RangeError("the embedder returned no vector for the intent");
  const added = await deps.memory.add({
    intent: sanitized.intent,
    experience: sanitized.experience,
    vector,
    space: deps.embedder.space,
    // A success learned with these hints says what worked: it may replace their text.
    ...(reward > 0 && used.length > 0 ? { refines: used } : {}),
  });
  deps.log(
    `[lshml] memory append ${where} id=${added.id} merged=${added.merged} ` +
      `outcome=${reward < 0 ? "failure" : "success"} chars=${sanitized.experience.length}`,
  );
  return added.id;
}

/**
 * Scores a task's unscored turns and learns from them (DESIGN §6.6):
 *
 * 1. the reward provider scores what is known (`lshml: feedback scored …`);
 * 2. the learning gates and learn mode decide (`[lshml] learning skipped … gate=…`);
 * 3. Q ← Q + α(r − Q) for the memories injected into those turns — and only those;
 * 4. a new memory (sanitised intent, two-pass sanitised experience, the intent's embedding) is
 *    written; a failure becomes a warning ("Avoid: …") unless `memory.includeFailures` is off.
 *
 * Logs use the seed's vocabulary with the `lshml` prefix; no secret and no full memory text is
 * logged. Rejects only when the memory or embedder does (the host logs it).
 *
 * @example
 * ```ts
 * await learnFromTask(task, { end: "new_intent" }, { sessionKey: "agent:main:main" }, deps);
 * ```
 */
export async function learnFromTask(
  task: PendingTask,
  outcome: TaskOutcome,
  session: { readonly sessionKey: string },
  deps: LearnDeps,
): Promise<LearnResult> {
  const where = `session=${_sessionLabel(session.sessionKey)} task=${task.id}`;
  const turns = unscoredTurns(task);
  if (!turns.some((t) => t.response !== undefined || t.runOk !== undefined || t.tools.length)) {
    deps.log(`[lshml] learning skipped ${where} gate=no_response end=${outcome.end}`);
    return { learned: false, gate: "no_response" };
  }
  const scored = await deps.reward.score(rewardInputOf(task, outcome));
  deps.log(
    `lshml: feedback scored ${where} end=${outcome.end} reward=${_num(scored.reward)} ` +
      `confidence=${_num(scored.confidence)} source=${scored.source} ` +
      `reasons=${_preview(scored.reasons.join("; "), REASONS_CHARS)}`,
  );
  const usedTools = turns.some((t) => t.tools.length > 0);
  const gate = learningGate(scored, { usedTools, startTurn: task.startTurn }, deps.config.runtime);
  if (gate) {
    deps.log(
      `[lshml] learning skipped ${where} gate=${gate} reward=${_num(scored.reward)} ` +
        `confidence=${
          _num(scored.confidence)
        } mode=${deps.config.runtime.learnMode} tools=${usedTools}`,
    );
    return { learned: false, gate, reward: scored.reward };
  }
  const ids = [...new Set(turns.flatMap((t) => t.selectedIds))];
  deps.log(
    `[lshml] learning start ${where} reward=${_num(scored.reward)} selectedIds=${_idList(ids)}`,
  );
  if (ids.length > 0) await deps.memory.updateQ(ids, scored.reward);
  const memoryId = await writeMemory(task, outcome, scored.reward, ids, deps, where);
  deps.log(`[lshml] learning persisted to episodic store ${where} qUpdated=${ids.length}`);
  return {
    learned: true,
    reward: scored.reward,
    updatedIds: ids,
    ...(memoryId ? { memoryId } : {}),
  };
}
