import { Ollama } from "ollama";
import type { ChatClient } from "./chat_client.ts";

/** Options for {@link createOllamaChatClient}. */
export interface OllamaChatOptions {
  /** Ollama's base URL (`OLLAMA_URL`, or the provider's `baseUrl`). */
  readonly url: string;
  readonly model: string;
  readonly fetch?: typeof fetch;
}

/**
 * Chats with a local Ollama server (`POST /api/chat`, not streamed) through the `ollama` package;
 * the one adapter for that SDK's chat API. Import it lazily (see `chat_clients.ts`).
 *
 * @example
 * ```ts
 * const client = createOllamaChatClient({ url: "http://localhost:11434", model: "llama3.2:3b" });
 * ```
 */
export function createOllamaChatClient(options: OllamaChatOptions): ChatClient {
  const baseFetch = options.fetch ?? fetch;
  return {
    label: `ollama:${options.model}`,
    async chat(messages, chatOptions) {
      // The SDK takes no per-call signal, but its fetch does: one light client per request.
      const client = new Ollama({
        host: options.url,
        fetch: (input, init) => baseFetch(input, { ...init, signal: chatOptions.signal }),
      });
      const response = await client.chat({
        model: options.model,
        messages: messages.map((m) => ({ role: m.role, content: m.content })),
        stream: false,
        ...(chatOptions.json ? { format: "json" } : {}),
        options: { temperature: chatOptions.temperature },
      });
      return response.message.content;
    },
  };
}
