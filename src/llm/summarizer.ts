/** One tool call of a task, as the summarizer sees it (sanitised). */
export interface SummaryToolStep {
  /** Tool name: `read`, `exec`, … */
  readonly name: string;
  readonly ok: boolean;
  /** What it was called with, shortly: a path, a command. */
  readonly detail?: string;
  /** The error line, when it failed. */
  readonly error?: string;
}

/** One turn of a task, as the summarizer sees it (sanitised). */
export interface SummaryTurn {
  readonly prompt: string;
  readonly response?: string;
  readonly tools: readonly SummaryToolStep[];
}

/**
 * What pass 2 of the sanitiser gets: a task whose text already went through pass 1 (secrets and
 * conversation metadata removed), its outcome, and the size limits.
 */
export interface SummaryInput {
  readonly intent: string;
  readonly turns: readonly SummaryTurn[];
  /** `failure` summaries are warnings that start with "Avoid:". */
  readonly outcome: "success" | "failure";
  readonly reward: number;
  /** The user's feedback, when there was some. */
  readonly feedback?: string;
  /** Longest summary returned (`experience.maxSummaryChars`). */
  readonly maxChars: number;
  /** Tool steps considered (`experience.maxToolEvents`). */
  readonly maxToolEvents: number;
  /** Raw trace characters a model is given (`experience.maxRawChars`). */
  readonly maxRawChars: number;
}

/**
 * Pass 2 of the sanitiser (DESIGN §6.6): turns a task into a short, transferable strategy with
 * placeholders (`<path>`, `<url>`, `<n>`) instead of the user's specifics, and `[REDACTED_*]` for
 * anything sensitive. Never rejects: model-backed summarizers fall back to the extractive one.
 *
 * @example
 * ```ts
 * const summarizer: Summarizer = createExtractiveSummarizer();
 * const text = await summarizer.summarize(input); // "Worked for \"fix the build in <path>\": …"
 * ```
 */
export interface Summarizer {
  /** `extractive`, `ollama` or `openai`. */
  readonly name: string;
  summarize(input: SummaryInput): Promise<string>;
}
