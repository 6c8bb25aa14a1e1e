import type { RewardInput, RewardProvider, RewardResult } from "./reward_provider.ts";

/** The user's own words outweigh tool and run evidence of equal confidence this many times. */
export const USER_WEIGHT = 3;
/** Tool evidence: confidence 0.2 + 0.1 per call, capped at 0.5 (tools succeed at wrong tasks). */
const TOOL_BASE = 0.2;
const TOOL_PER_CALL = 0.1;
const TOOL_CAP = 0.5;
/** A failed run (model error) is strong evidence against; a completed run is barely evidence for. */
const RUN_FAILED_CONFIDENCE = 0.6;
const RUN_OK_CONFIDENCE = 0.1;
/** The user moved on to something new without complaining: weak evidence that it worked. */
const SILENCE_CONFIDENCE = 0.25;
/** A bare acknowledgement ("ok", "好的") leans positive, and weakly. */
const ACK_SCORE = 0.5;

interface Evidence {
  readonly score: number;
  readonly confidence: number;
  readonly weight: number;
  readonly reason: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function userEvidence(input: RewardInput): Evidence | undefined {
  const verdict = input.feedback?.verdict;
  if (!verdict?.isFeedback) return undefined;
  const score = verdict.polarity === "positive"
    ? 1
    : verdict.polarity === "negative"
    ? -1
    : verdict.polarity === "neutral"
    ? ACK_SCORE
    : 0;
  const c = verdict.confidence;
  const cues = verdict.cues.length > 0 ? ` [${verdict.cues.join(" ")}]` : "";
  return {
    score,
    confidence: c,
    weight: USER_WEIGHT * c,
    reason: `user: ${verdict.polarity} (${c})${cues}`,
  };
}

function toolEvidence(input: RewardInput): Evidence | undefined {
  const { ok, failed } = input.tools;
  const n = ok + failed;
  if (n === 0) return undefined;
  const c = Math.min(TOOL_CAP, TOOL_BASE + TOOL_PER_CALL * n);
  return {
    score: (ok - failed) / n,
    confidence: c,
    weight: c,
    reason: `tools: ${ok} ok, ${failed} failed`,
  };
}

function runEvidence(input: RewardInput): Evidence {
  return input.run.failed
    ? {
      score: -1,
      confidence: RUN_FAILED_CONFIDENCE,
      weight: RUN_FAILED_CONFIDENCE,
      reason: "run: failed",
    }
    : {
      score: 1,
      confidence: RUN_OK_CONFIDENCE,
      weight: RUN_OK_CONFIDENCE,
      reason: "run: completed",
    };
}

function silenceEvidence(input: RewardInput): Evidence | undefined {
  if (input.feedback?.verdict.isFeedback || input.end !== "new_intent") return undefined;
  return {
    score: 1,
    confidence: SILENCE_CONFIDENCE,
    weight: SILENCE_CONFIDENCE,
    reason: "silence: the user moved on without complaint",
  };
}

/**
 * Scores a task without any model, from what is known: the user's words (polarity and confidence
 * of `detectFeedback`, four languages), the tool calls (successes against failures), the run (a
 * model error) and silence (the user moved on to a new request without complaining).
 *
 * Each piece of evidence i has a score sᵢ ∈ [−1, 1] and a confidence cᵢ:
 * - user: s = +1 positive, −1 negative, 0 mixed, +0.5 bare acknowledgement; c = feedback confidence;
 *   its weight is {@link USER_WEIGHT}·c, the others' weight is their c;
 * - tools: s = (ok − failed)/(ok + failed); c = min(0.5, 0.2 + 0.1·calls);
 * - run: s = −1, c = 0.6 when it failed; s = +1, c = 0.1 when it completed;
 * - silence (ended by a new request, no feedback): s = +1, c = 0.25.
 *
 * reward = Σ wᵢsᵢ / Σ wᵢ; confidence = (1 − Π(1 − cᵢ·|sᵢ|)) · (½ + ½·agreement): the noisy-or
 * combines independent evidence, each piece counting as much as it points one way (mixed tool
 * results or mixed words add nothing), and agreement = |Σ wᵢsᵢ| / Σ wᵢ|sᵢ| halves it when the
 * pieces contradict each other. Both are rounded to three decimals.
 *
 * @example
 * ```ts
 * scoreHeuristically({
 *   intent: "fix the build", turns: [{ prompt: "fix the build", response: "Done." }],
 *   tools: { ok: 2, failed: 0, errors: [] }, run: { failed: false }, end: "feedback",
 *   feedback: { text: "thanks, but it still fails", verdict: detectFeedback("thanks, but it still fails") },
 * }).reward; // ≈ -0.66: the user's words win over two successful tool calls
 * ```
 */
export function scoreHeuristically(input: RewardInput): RewardResult {
  const evidence = [
    userEvidence(input),
    toolEvidence(input),
    runEvidence(input),
    silenceEvidence(input),
  ]
    .filter((e): e is Evidence => e !== undefined && e.weight > 0);
  let sum = 0;
  let weights = 0;
  let magnitude = 0;
  let miss = 1;
  for (const e of evidence) {
    sum += e.weight * e.score;
    weights += e.weight;
    magnitude += e.weight * Math.abs(e.score);
    miss *= 1 - e.confidence * Math.abs(e.score);
  }
  const reward = weights > 0 ? sum / weights : 0;
  const agreement = magnitude > 0 ? Math.abs(sum) / magnitude : 1;
  const confidence = (1 - miss) * (0.5 + 0.5 * agreement);
  return {
    reward: round(Math.max(-1, Math.min(1, reward))),
    confidence: round(Math.max(0, Math.min(1, confidence))),
    reasons: evidence.map((e) => e.reason),
    source: "heuristic",
  };
}

/**
 * The default {@link RewardProvider}: {@link scoreHeuristically}, no model, no network.
 *
 * @example
 * ```ts
 * const reward = createHeuristicReward();
 * reward.name; // "heuristic"
 * ```
 */
export function createHeuristicReward(): RewardProvider {
  return { name: "heuristic", score: (input) => Promise.resolve(scoreHeuristically(input)) };
}
