/**
 * Evolution: one cycle (scan → feedback → learn → strategy → decision → apply
 * → record), its strategies, the review queue, replay of recorded decisions and
 * the loop's adaptive sleep (DESIGN §6.5).
 *
 * @module
 */
export { eventIdFor, promptPath, runCycle } from "./run_cycle.ts";
export type { CycleOptions, CycleResult } from "./run_cycle.ts";
export { decide, replayDecision } from "./decide.ts";
export type { Decision, DecisionInputs, Replay } from "./decide.ts";
export { replayEvent } from "./replay_event.ts";
export type { ReplayReport } from "./replay_event.ts";
export { chooseIntent, EARLY_CYCLES, resolveStrategy, STRATEGY_RATIOS } from "./strategy.ts";
export type { FixedStrategy, Intent, IntentChoice, ResolvedStrategy } from "./strategy.ts";
export { behaviourKey, countByIntent, findTargets, MIN_OCCURRENCES } from "./targets.ts";
export type { Target } from "./targets.ts";
export { renderGepPrompt } from "./gep_prompt.ts";
export { nextLoopStep } from "./loop_policy.ts";
export type { LoopState, LoopStep } from "./loop_policy.ts";
export { decideReview, pendingReviews } from "./review.ts";
export type { ReviewResult, Verdict } from "./review.ts";
export { STAGNATION_CYCLES, stagnationSignal } from "./stagnation.ts";
export { applyExecute, settleSolidify } from "./apply_execute.ts";
export { solidifyByHand } from "./solidify_by_hand.ts";
export type { SolidifyByHandInput, SolidifyByHandResult } from "./solidify_by_hand.ts";
export type { ExecuteInput, ExecuteResult } from "./apply_execute.ts";
