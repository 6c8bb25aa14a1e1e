import { z } from "zod";
import type { Feedback } from "../signals/text/mod.ts";

/**
 * How a task came to be scored (DESIGN §6.6): the user's feedback, or one of the boundaries that
 * close a pending task without it — a new request (`new_intent`), too many turns without
 * feedback (`idle`), the time limit (`ttl`), the turn limit (`max_turns`).
 */
export type TaskEnd = "feedback" | "new_intent" | "idle" | "ttl" | "max_turns";

/** One turn of a task as a reward model sees it: already sanitised (pass 1), bounded. */
export interface RewardTurn {
  readonly prompt: string;
  readonly response?: string;
}

/**
 * Everything known about a task's outcome when it is scored. All text is sanitised (secrets and
 * conversation metadata removed) before it gets here: a provider may send it to a model.
 *
 * @example
 * ```ts
 * const input: RewardInput = {
 *   intent: "fix the failing build in <path>",
 *   turns: [{ prompt: "fix the failing build in ci.yml", response: "Done: pinned node 20." }],
 *   tools: { ok: 2, failed: 1, errors: ["exec: npm ERR! code ERESOLVE"] },
 *   run: { failed: false },
 *   end: "feedback",
 *   feedback: { text: "great, it works now", verdict: detectFeedback("great, it works now") },
 * };
 * ```
 */
export interface RewardInput {
  /** The task's first request. */
  readonly intent: string;
  /** The turns being scored, oldest first. */
  readonly turns: readonly RewardTurn[];
  /** The user's reaction, when the task ended on feedback. */
  readonly feedback?: { readonly text: string; readonly verdict: Feedback };
  /** Tool calls in the scored turns: how many succeeded and failed, and a few error lines. */
  readonly tools: {
    readonly ok: number;
    readonly failed: number;
    readonly errors: readonly string[];
  };
  /** Whether a run of the scored turns failed (a model error, or OpenClaw said so). */
  readonly run: { readonly failed: boolean; readonly error?: string };
  readonly end: TaskEnd;
}

/**
 * A scored outcome: `reward` in [−1, 1] (−1 the task failed, +1 it succeeded), `confidence` in
 * [0, 1] (how sure the scorer is), and the evidence in words.
 */
export interface RewardResult {
  readonly reward: number;
  readonly confidence: number;
  readonly reasons: readonly string[];
  /** Which scorer decided: `heuristic`, or the model provider (`ollama`, `openai`). */
  readonly source: string;
}

/**
 * Scores a task's outcome. The heuristic one needs no model; the model-backed ones refine it and
 * fall back to it on any failure, so `score` never rejects.
 *
 * @example
 * ```ts
 * const provider: RewardProvider = createHeuristicReward();
 * const { reward, confidence } = await provider.score(input);
 * ```
 */
export interface RewardProvider {
  /** `heuristic`, `ollama` or `openai`. */
  readonly name: string;
  score(input: RewardInput): Promise<RewardResult>;
}

/**
 * The strict JSON a reward model must answer with: `{"reward": r, "confidence": c, "reason": s}`,
 * r ∈ [−1, 1], c ∈ [0, 1]. Anything else (extra keys, out-of-range numbers, prose) is a failure and
 * the heuristic result stands.
 */
export const RewardReplySchema = z.strictObject({
  reward: z.number().min(-1).max(1),
  confidence: z.number().min(0).max(1),
  reason: z.string().max(500),
});

/** See {@link RewardReplySchema}. */
export type RewardReply = z.infer<typeof RewardReplySchema>;
