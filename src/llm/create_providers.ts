import { type Config, ConfigError } from "../config/mod.ts";
import { createOllamaChat, createOpenAIChat } from "./chat_clients.ts";
import { createExtractiveSummarizer } from "./extractive_summarizer.ts";
import { createHeuristicReward } from "./heuristic_reward.ts";
import { createLlmReward } from "./llm_reward.ts";
import { createLlmSummarizer } from "./llm_summarizer.ts";
import type { RewardProvider } from "./reward_provider.ts";
import type { Summarizer } from "./summarizer.ts";

/** Model used with Ollama when none is configured: the seed's `llama3.2:3b`. */
export const DEFAULT_OLLAMA_CHAT_MODEL = "llama3.2:3b";
/** Model used with OpenAI when none is configured: the seed's example, `gpt-4.1-mini`. */
export const DEFAULT_OPENAI_CHAT_MODEL = "gpt-4.1-mini";
/** Time budget of one model request, in milliseconds, unless the caller gives another. */
export const DEFAULT_MODEL_TIMEOUT_MS = 20_000;

/** What {@link createProviders} needs besides the configuration. */
export interface CreateProvidersOptions {
  /** Where provider warnings go (a model that fails is logged once). */
  readonly log: (line: string) => void;
  /** The fetch the SDKs use (tests, proxies). */
  readonly fetch?: typeof fetch;
  /** Time budget per model request, in milliseconds. */
  readonly timeoutMs?: number;
}

/** The agent path's model-facing parts. */
export interface Providers {
  readonly reward: RewardProvider;
  readonly summarizer: Summarizer;
}

type Section = Config["reward"] | Config["experience"];

function chatClient(config: Config, section: Section, key: string, fetchFn?: typeof fetch) {
  const kind = "provider" in section ? section.provider : section.summarizer;
  const fetchOption = fetchFn ? { fetch: fetchFn } : {};
  if (kind === "ollama") {
    return createOllamaChat({
      url: section.baseUrl ?? config.ollama.url,
      model: section.model ?? DEFAULT_OLLAMA_CHAT_MODEL,
      ...fetchOption,
    });
  }
  const apiKey = section.apiKey ?? config.openai.apiKey;
  if (!apiKey) {
    throw new ConfigError([{
      key: `${key}.apiKey`,
      value: undefined,
      from: `${key}.${"provider" in section ? "provider" : "summarizer"}=openai`,
      allowed: `an API key: set OPENAI_API_KEY or ${key}.apiKey`,
    }]);
  }
  return createOpenAIChat({
    apiKey,
    baseUrl: section.baseUrl ?? config.openai.baseUrl,
    model: section.model ?? DEFAULT_OPENAI_CHAT_MODEL,
    ...fetchOption,
  });
}

/**
 * The reward provider and the summarizer the configuration asks for (`reward.provider`,
 * `experience.summarizer`): heuristic and extractive by default (no model, no network); Ollama or
 * OpenAI chat when configured, each falling back to the default on any failure. No SDK is loaded
 * here: an adapter is imported on its first request.
 *
 * @throws {ConfigError} when OpenAI is chosen without an API key.
 * @example
 * ```ts
 * const { reward, summarizer } = createProviders(config, { log: console.error });
 * reward.name; // "heuristic"
 * ```
 */
export function createProviders(config: Config, options: CreateProvidersOptions): Providers {
  const timeoutMs = options.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS;
  const { reward, experience } = config;
  const rewardProvider = reward.provider === "heuristic"
    ? createHeuristicReward()
    : createLlmReward({
      name: reward.provider,
      client: chatClient(config, reward, "reward", options.fetch),
      temperature: reward.temperature,
      timeoutMs,
      log: options.log,
    });
  const summarizer = experience.summarizer === "extractive"
    ? createExtractiveSummarizer()
    : createLlmSummarizer({
      name: experience.summarizer,
      client: chatClient(config, experience, "experience", options.fetch),
      temperature: experience.temperature,
      timeoutMs,
      log: options.log,
    });
  return { reward: rewardProvider, summarizer };
}
