import type { ChatClient, ChatMessage } from "./chat_client.ts";

/** Settings of one {@link _callModel} request. */
export interface _CallOptions {
  readonly temperature: number;
  readonly json: boolean;
  /** Time budget in milliseconds; the request is aborted when it runs out. */
  readonly timeoutMs: number;
}

/**
 * One chat request with a hard time budget: the request is aborted, and the promise rejects with a
 * `TimeoutError`, when the budget runs out — even if the SDK ignores the abort signal.
 */
export async function _callModel(
  client: ChatClient,
  messages: readonly ChatMessage[],
  options: _CallOptions,
): Promise<string> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DOMException(`no reply within ${options.timeoutMs} ms`, "TimeoutError");
      controller.abort(error);
      reject(error);
    }, options.timeoutMs);
  });
  try {
    return await Promise.race([
      client.chat(messages, {
        temperature: options.temperature,
        json: options.json,
        signal: controller.signal,
      }),
      expired,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
