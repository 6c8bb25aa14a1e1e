import type { ChatClient } from "./chat_client.ts";
import { _callModel } from "./_call_model.ts";
import { _failOnce } from "./_fail_once.ts";
import { parseJsonReply } from "./parse_json_reply.ts";
import { rewardPrompt } from "./reward_prompt.ts";
import {
  type RewardInput,
  type RewardProvider,
  RewardReplySchema,
  type RewardResult,
} from "./reward_provider.ts";
import { scoreHeuristically } from "./heuristic_reward.ts";

/** Options for {@link createLlmReward}. */
export interface LlmRewardOptions {
  /** Provider name for results and logs: `ollama` or `openai`. */
  readonly name: string;
  readonly client: ChatClient;
  readonly temperature: number;
  /** Time budget per request, in milliseconds. */
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

/** A {@link RewardProvider} that also reports how often its model failed. */
export interface LlmRewardProvider extends RewardProvider {
  /** Requests that failed and fell back to the heuristic. */
  readonly failures: number;
}

/**
 * A model-backed {@link RewardProvider}: the heuristic scores first, then the model is shown the
 * sanitised task, the feedback and that estimate, and must answer strict JSON
 * `{reward, confidence, reason}` (validated with zod). Its answer replaces the estimate; the
 * heuristic's reasons are kept beside the model's. On any failure — unreachable, HTTP error,
 * timeout, malformed or out-of-range JSON — the heuristic result stands, and the first failure is
 * logged once.
 *
 * @example
 * ```ts
 * const reward = createLlmReward({
 *   name: "ollama", client: createOllamaChat({ url, model: "llama3.2:3b" }),
 *   temperature: 0, timeoutMs: 20_000, log: console.error,
 * });
 * ```
 */
export function createLlmReward(options: LlmRewardOptions): LlmRewardProvider {
  const failures = _failOnce(
    options.log,
    `lshml: reward model ${options.client.label} unusable`,
  );
  return {
    name: options.name,
    get failures() {
      return failures.count;
    },
    async score(input: RewardInput): Promise<RewardResult> {
      const estimate = scoreHeuristically(input);
      let text: string;
      try {
        text = await _callModel(options.client, rewardPrompt(input, estimate), {
          temperature: options.temperature,
          json: true,
          timeoutMs: options.timeoutMs,
        });
      } catch (error) {
        failures.fail((error as Error).message ?? String(error));
        return estimate;
      }
      const reply = parseJsonReply(text, RewardReplySchema);
      if (!reply.ok) {
        failures.fail(reply.problem);
        return estimate;
      }
      return {
        reward: reply.value.reward,
        confidence: reply.value.confidence,
        reasons: [...estimate.reasons, `${options.name}: ${reply.value.reason}`],
        source: options.name,
      };
    },
  };
}
