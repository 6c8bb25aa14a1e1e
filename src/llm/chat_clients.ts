import type { ChatClient, ChatMessage, ChatOptions } from "./chat_client.ts";
import type { OllamaChatOptions } from "./ollama_chat.ts";
import type { OpenAIChatOptions } from "./openai_chat.ts";

/**
 * A client whose SDK adapter is imported on its first request, so configuring nothing (the
 * default) never loads `ollama` or `openai`.
 */
function lazyClient(label: string, load: () => Promise<ChatClient>): ChatClient {
  let client: Promise<ChatClient> | undefined;
  return {
    label,
    async chat(messages: readonly ChatMessage[], options: ChatOptions) {
      client ??= load();
      try {
        return await (await client).chat(messages, options);
      } catch (error) {
        // A failed import is retried on the next request rather than remembered forever.
        if (!(await client.then(() => true, () => false))) client = undefined;
        throw error;
      }
    },
  };
}

/**
 * An Ollama chat client (`ollama_chat.ts`), loaded on first use.
 *
 * @example
 * ```ts
 * const client = createOllamaChat({ url: "http://localhost:11434", model: "llama3.2:3b" });
 * ```
 */
export function createOllamaChat(options: OllamaChatOptions): ChatClient {
  return lazyClient(`ollama:${options.model}`, async () => {
    const { createOllamaChatClient } = await import("./ollama_chat.ts");
    return createOllamaChatClient(options);
  });
}

/**
 * An OpenAI chat client (`openai_chat.ts`), loaded on first use.
 *
 * @example
 * ```ts
 * const client = createOpenAIChat({
 *   apiKey: "sk-…", baseUrl: "https://api.openai.com/v1", model: "gpt-4.1-mini",
 * });
 * ```
 */
export function createOpenAIChat(options: OpenAIChatOptions): ChatClient {
  return lazyClient(`openai:${options.model}`, async () => {
    const { createOpenAIChatClient } = await import("./openai_chat.ts");
    return createOpenAIChatClient(options);
  });
}
