import type { ChatClient } from "./chat_client.ts";
import { _callModel } from "./_call_model.ts";
import { _failOnce } from "./_fail_once.ts";
import { summarizeExtractively } from "./extractive_summarizer.ts";
import type { Summarizer, SummaryInput } from "./summarizer.ts";
import { summaryPrompt } from "./summary_prompt.ts";

/** Options for {@link createLlmSummarizer}. */
export interface LlmSummarizerOptions {
  /** Provider name for logs: `ollama` or `openai`. */
  readonly name: string;
  readonly client: ChatClient;
  readonly temperature: number;
  /** Time budget per request, in milliseconds. */
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
}

/** A {@link Summarizer} that also reports how often its model failed. */
export interface LlmSummarizer extends Summarizer {
  /** Requests that failed and fell back to the extractive summary. */
  readonly failures: number;
}

const AVOID = /^\s*avoid\b/i;

/**
 * A model-backed {@link Summarizer} (pass 2 of the sanitiser): asks the model for a transferable
 * strategy with placeholders and `[REDACTED_*]` for sensitive data. The reply is trimmed, cut to
 * `maxChars`, and a failure summary is made to start with "Avoid:". On any failure — unreachable,
 * HTTP error, timeout, an empty reply — the extractive summary is used, and the first failure is
 * logged once. The caller runs pass 1 again on whatever comes back.
 *
 * @example
 * ```ts
 * const summarizer = createLlmSummarizer({
 *   name: "openai", client: createOpenAIChat({ apiKey, baseUrl, model: "gpt-4.1-mini" }),
 *   temperature: 0, timeoutMs: 20_000, log: console.error,
 * });
 * ```
 */
export function createLlmSummarizer(options: LlmSummarizerOptions): LlmSummarizer {
  const failures = _failOnce(options.log, `lshml: summarizer ${options.client.label} unusable`);
  return {
    name: options.name,
    get failures() {
      return failures.count;
    },
    async summarize(input: SummaryInput): Promise<string> {
      let text: string;
      try {
        text = await _callModel(options.client, summaryPrompt(input), {
          temperature: options.temperature,
          json: false,
          timeoutMs: options.timeoutMs,
        });
      } catch (error) {
        failures.fail((error as Error).message ?? String(error));
        return summarizeExtractively(input);
      }
      let summary = text.trim();
      if (summary === "") {
        failures.fail("empty reply");
        return summarizeExtractively(input);
      }
      if (input.outcome === "failure" && !AVOID.test(summary)) summary = `Avoid: ${summary}`;
      return summary.length > input.maxChars ? `${summary.slice(0, input.maxChars - 1)}…` : summary;
    },
  };
}
