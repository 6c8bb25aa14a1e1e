import type { Config } from "../config/mod.ts";

/** The gate that refused learning; logged as `[lshml] learning skipped … gate=<gate>`. */
export type LearningGate =
  | "observe_turns"
  | "min_abs_reward"
  | "min_confidence"
  | "tools_only"
  | "no_tool_min_abs_reward"
  | "no_tool_min_confidence";

/** The `runtime.*` settings the gates read. */
export type GateSettings = Pick<
  Config["runtime"],
  | "observeTurns"
  | "minAbsReward"
  | "minRewardConfidence"
  | "learnMode"
  | "noToolMinAbsReward"
  | "noToolMinRewardConfidence"
>;

/** What the gates look at besides the score. */
export interface GateFacts {
  /** Whether the scored turns called any tool. */
  readonly usedTools: boolean;
  /** The session turn (1-based) the task started in. */
  readonly startTurn: number;
}

/**
 * The learning gates of the seed, in order; `undefined` means learn:
 *
 * 1. `observe_turns`: the task started within the session's first `observeTurns` turns;
 * 2. `min_abs_reward`: |reward| < `minAbsReward`;
 * 3. `min_confidence`: confidence < `minRewardConfidence`;
 * 4. the learn mode — `all` learns every task that passed; `tools_only` only tasks that called a
 *    tool (`tools_only`); `balanced` learns tool tasks, and tasks without tools only with
 *    |reward| ≥ `noToolMinAbsReward` (`no_tool_min_abs_reward`) and confidence ≥
 *    `noToolMinRewardConfidence` (`no_tool_min_confidence`).
 *
 * @example
 * ```ts
 * learningGate({ reward: 0.9, confidence: 0.8 }, { usedTools: false, startTurn: 3 }, config.runtime);
 * // "no_tool_min_confidence" (balanced: no-tool turns need 0.9)
 * ```
 */
export function learningGate(
  score: { readonly reward: number; readonly confidence: number },
  facts: GateFacts,
  settings: GateSettings,
): LearningGate | undefined {
  const magnitude = Math.abs(score.reward);
  if (facts.startTurn <= settings.observeTurns) return "observe_turns";
  if (magnitude < settings.minAbsReward) return "min_abs_reward";
  if (score.confidence < settings.minRewardConfidence) return "min_confidence";
  if (facts.usedTools || settings.learnMode === "all") return undefined;
  if (settings.learnMode === "tools_only") return "tools_only";
  if (magnitude < settings.noToolMinAbsReward) return "no_tool_min_abs_reward";
  if (score.confidence < settings.noToolMinRewardConfidence) return "no_tool_min_confidence";
  return undefined;
}
