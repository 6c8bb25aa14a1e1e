/**
 * The agent path's model-facing parts (DESIGN §6.6): who scores a task's outcome (the reward
 * provider) and who writes a memory's experience text (the summarizer, pass 2 of the sanitiser).
 * The defaults need no model — a heuristic scorer and an extractive summarizer — and Ollama or
 * OpenAI chat refine them when configured, each SDK behind one adapter file that is imported only
 * on first use, and each falling back to the default on any failure.
 *
 * @module
 */
export { RewardReplySchema } from "./reward_provider.ts";
export type {
  RewardInput,
  RewardProvider,
  RewardReply,
  RewardResult,
  RewardTurn,
  TaskEnd,
} from "./reward_provider.ts";
export { createHeuristicReward, scoreHeuristically, USER_WEIGHT } from "./heuristic_reward.ts";
export type { Summarizer, SummaryInput, SummaryToolStep, SummaryTurn } from "./summarizer.ts";
export { createExtractiveSummarizer, summarizeExtractively } from "./extractive_summarizer.ts";
export { withPlaceholders } from "./placeholders.ts";
export type { ChatClient, ChatMessage, ChatOptions } from "./chat_client.ts";
export { createOllamaChat, createOpenAIChat } from "./chat_clients.ts";
export type { OllamaChatOptions } from "./ollama_chat.ts";
export type { OpenAIChatOptions } from "./openai_chat.ts";
export { parseJsonReply } from "./parse_json_reply.ts";
export type { JsonReply } from "./parse_json_reply.ts";
export { REWARD_PROMPT_CHARS, rewardPrompt } from "./reward_prompt.ts";
export { summaryPrompt } from "./summary_prompt.ts";
export { createLlmReward } from "./llm_reward.ts";
export type { LlmRewardOptions, LlmRewardProvider } from "./llm_reward.ts";
export { createLlmSummarizer } from "./llm_summarizer.ts";
export type { LlmSummarizer, LlmSummarizerOptions } from "./llm_summarizer.ts";
export {
  createProviders,
  DEFAULT_MODEL_TIMEOUT_MS,
  DEFAULT_OLLAMA_CHAT_MODEL,
  DEFAULT_OPENAI_CHAT_MODEL,
} from "./create_providers.ts";
export type { CreateProvidersOptions, Providers } from "./create_providers.ts";
