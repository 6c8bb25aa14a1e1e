import type { Config } from "../config/mod.ts";
import { summarizeExtractively, type Summarizer, type SummaryInput } from "../llm/mod.ts";
import { containsSecret } from "../redact/mod.ts";
import { sanitizeText } from "./sanitize_text.ts";
import type { PendingTask } from "./task_state.ts";

/** Longest intent stored with a memory. */
export const MEMORY_INTENT_CHARS = 300;

/** What to turn into a memory. */
export interface ExperienceInput {
  readonly task: PendingTask;
  readonly outcome: "success" | "failure";
  readonly reward: number;
  /** The user's feedback, when there was some. */
  readonly feedback?: string;
}

/** What {@link sanitizeExperience} needs. */
export interface ExperienceDeps {
  readonly summarizer: Summarizer;
  readonly experience: Config["experience"];
  readonly memory: Config["memory"];
  readonly homeDirs?: readonly string[];
}

/** A memory ready to store, or why none may be stored. */
export type SanitizedExperience =
  | { readonly ok: true; readonly intent: string; readonly experience: string }
  | { readonly ok: false; readonly reason: "secret_in_intent" | "secret_in_experience" | "empty" };

/**
 * The two-pass sanitiser (DESIGN §6.6) that every memory goes through:
 *
 * 1. pass 1 — `sanitizeText` (OpenClaw metadata, ids and sender tags out; secrets and personal
 *    data → `[REDACTED_*]`) on every piece of the task: intent, prompts, responses, tool details
 *    and errors, feedback (they were already cleaned when recorded; it is idempotent);
 * 2. pass 2 — the summarizer writes a transferable strategy with placeholders (extractive by
 *    default; a model when configured; a summarizer that throws is replaced by the extractive one);
 * 3. pass 1 again on the summary, which is cut to min(`experience.maxSummaryChars`,
 *    `memory.maxExperienceChars`).
 *
 * Then the gate: if `containsSecret` still finds anything in the intent or the experience, nothing
 * is stored (`ok: false`).
 *
 * @example
 * ```ts
 * const result = await sanitizeExperience({ task, outcome: "success", reward: 0.9 }, deps);
 * if (result.ok) await memory.add({ intent: result.intent, experience: result.experience, … });
 * ```
 */
export async function sanitizeExperience(
  input: ExperienceInput,
  deps: ExperienceDeps,
): Promise<SanitizedExperience> {
  const redact = deps.homeDirs ? { homeDirs: deps.homeDirs } : {};
  const clean = (text: string, maxChars: number) => sanitizeText(text, { maxChars, ...redact });
  const maxRaw = deps.experience.maxRawChars;
  const intent = clean(input.task.intent, MEMORY_INTENT_CHARS);
  const summaryInput: SummaryInput = {
    intent,
    turns: input.task.turns.map((t) => ({
      prompt: clean(t.prompt, maxRaw),
      ...(t.response !== undefined ? { response: clean(t.response, maxRaw) } : {}),
      tools: t.tools.map((tool) => ({
        name: clean(tool.name, 64),
        ok: tool.ok,
        ...(tool.detail ? { detail: clean(tool.detail, maxRaw) } : {}),
        ...(tool.error ? { error: clean(tool.error, maxRaw) } : {}),
      })),
    })),
    outcome: input.outcome,
    reward: input.reward,
    ...(input.feedback ? { feedback: clean(input.feedback, maxRaw) } : {}),
    maxChars: Math.min(deps.experience.maxSummaryChars, deps.memory.maxExperienceChars),
    maxToolEvents: deps.experience.maxToolEvents,
    maxRawChars: maxRaw,
  };
  let summary: string;
  try {
    summary = await deps.summarizer.summarize(summaryInput);
  } catch (_error) {
    // Summarizers fall back by contract; one that throws anyway gets the extractive summary.
    summary = summarizeExtractively(summaryInput);
  }
  const experience = clean(summary, summaryInput.maxChars);
  if (intent === "" || experience === "") return { ok: false, reason: "empty" };
  if (containsSecret(intent, redact)) return { ok: false, reason: "secret_in_intent" };
  if (containsSecret(experience, redact)) return { ok: false, reason: "secret_in_experience" };
  return { ok: true, intent, experience };
}
