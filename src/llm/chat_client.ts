/** One message of a chat request. */
export interface ChatMessage {
  readonly role: "system" | "user";
  readonly content: string;
}

/** Per-request settings of {@link ChatClient.chat}. */
export interface ChatOptions {
  /** Sampling temperature, in [0, 1]. */
  readonly temperature: number;
  /** Ask the server for a JSON object (Ollama `format: "json"`, OpenAI `response_format`). */
  readonly json: boolean;
  /** Aborts the request (a timeout). */
  readonly signal: AbortSignal;
}

/**
 * The one thing lshml asks of a chat model: a reply's text. Each SDK (`ollama`, `openai`) sits
 * behind one adapter implementing this, loaded only when configured.
 *
 * @example
 * ```ts
 * const client: ChatClient = createOllamaChat({ url: "http://localhost:11434", model: "llama3.2:3b" });
 * const text = await client.chat([{ role: "user", content: "Say hi" }], {
 *   temperature: 0, json: false, signal: AbortSignal.timeout(10_000),
 * });
 * ```
 */
export interface ChatClient {
  /** `ollama:<model>` or `openai:<model>`, for logs. */
  readonly label: string;
  chat(messages: readonly ChatMessage[], options: ChatOptions): Promise<string>;
}
