import OpenAI from "openai";
import type { ChatClient } from "./chat_client.ts";

/** Options for {@link createOpenAIChatClient}. */
export interface OpenAIChatOptions {
  readonly apiKey: string;
  /** API base URL (`OPENAI_BASE_URL`, or the provider's `baseUrl`). */
  readonly baseUrl: string;
  readonly model: string;
  readonly fetch?: typeof fetch;
}

/**
 * Chats through the OpenAI chat completions API (`POST /v1/chat/completions`, or any server that
 * speaks it) with the `openai` package; the one adapter for that SDK's chat API. No retries: the
 * caller has a time budget and a fallback. Import it lazily (see `chat_clients.ts`).
 *
 * @example
 * ```ts
 * const client = createOpenAIChatClient({
 *   apiKey: "sk-…", baseUrl: "https://api.openai.com/v1", model: "gpt-4.1-mini",
 * });
 * ```
 */
export function createOpenAIChatClient(options: OpenAIChatOptions): ChatClient {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    maxRetries: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    label: `openai:${options.model}`,
    async chat(messages, chatOptions) {
      const completion = await client.chat.completions.create(
        {
          model: options.model,
          messages: messages.map((m) => ({ role: m.role, content: m.content })),
          temperature: chatOptions.temperature,
          ...(chatOptions.json ? { response_format: { type: "json_object" as const } } : {}),
        },
        { signal: chatOptions.signal },
      );
      return completion.choices[0]?.message.content ?? "";
    },
  };
}
