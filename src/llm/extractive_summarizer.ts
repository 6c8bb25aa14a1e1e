import { withPlaceholders } from "./placeholders.ts";
import type { Summarizer, SummaryInput, SummaryToolStep } from "./summarizer.ts";

const INTENT_CHARS = 160;
const DETAIL_CHARS = 80;
const ERROR_CHARS = 120;
const APPROACH_CHARS = 240;
const FEEDBACK_CHARS = 120;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function step(tool: SummaryToolStep): string {
  const detail = tool.detail ? ` ${clip(withPlaceholders(tool.detail), DETAIL_CHARS)}` : "";
  const result = tool.ok
    ? "ok"
    : `failed${tool.error ? `: ${clip(withPlaceholders(tool.error), ERROR_CHARS)}` : ""}`;
  return `- ${tool.name}${detail} → ${result}`;
}

/** The first sentence or line of the last response: what the agent said it did. */
function approach(input: SummaryInput): string | undefined {
  const last = [...input.turns].reverse().find((t) => t.response && t.response.trim() !== "");
  if (!last?.response) return undefined;
  const first = last.response.trim().split(/\n+|(?<=[.!?。！？])\s/)[0] ?? "";
  return first ? clip(withPlaceholders(first), APPROACH_CHARS) : undefined;
}

function fit(lines: readonly string[], maxChars: number): string {
  let text = "";
  for (const line of lines) {
    const next = text === "" ? line : `${text}\n${line}`;
    if (next.length > maxChars) break;
    text = next;
  }
  return text === "" ? clip(lines[0] ?? "", maxChars) : text;
}

/**
 * Pass 2 without a model: an extractive, transferable summary of a task — the request with
 * placeholders, the tool steps (at most `maxToolEvents`, failures kept first when cut), what the
 * agent said it did, and how it ended — bounded by `maxChars` (whole lines are dropped from the
 * end). A failed task becomes a warning that starts with "Avoid:".
 *
 * @example
 * ```ts
 * summarizeExtractively({
 *   intent: "fix the build in /srv/app/ci.yml", outcome: "success", reward: 0.9,
 *   turns: [{ prompt: "fix the build", response: "Pinned node 20.", tools: [
 *     { name: "exec", ok: true, detail: "npm test" },
 *   ] }],
 *   maxChars: 700, maxToolEvents: 12, maxRawChars: 2200,
 * });
 * // Worked for "fix the build in <path>":
 * // - exec npm test → ok
 * // Approach: Pinned node 20.
 * ```
 */
export function summarizeExtractively(input: SummaryInput): string {
  const intent = clip(withPlaceholders(input.intent), INTENT_CHARS);
  const tools = input.turns.flatMap((t) => t.tools);
  const kept = tools.length <= input.maxToolEvents
    ? tools
    : [...tools.filter((t) => !t.ok), ...tools.filter((t) => t.ok)].slice(0, input.maxToolEvents);
  const lines = [
    input.outcome === "success"
      ? `Worked for "${intent}":`
      : `Avoid: this approach failed for "${intent}":`,
    ...kept.map(step),
  ];
  const said = approach(input);
  if (said) lines.push(`${input.outcome === "success" ? "Approach" : "Tried"}: ${said}`);
  if (input.feedback) {
    lines.push(`User said: "${clip(withPlaceholders(input.feedback), FEEDBACK_CHARS)}"`);
  }
  if (input.outcome === "failure") lines.push("Try a different approach next time.");
  return fit(lines, input.maxChars);
}

/**
 * The default {@link Summarizer}: {@link summarizeExtractively}, no model, no network.
 *
 * @example
 * ```ts
 * createExtractiveSummarizer().name; // "extractive"
 * ```
 */
export function createExtractiveSummarizer(): Summarizer {
  return {
    name: "extractive",
    summarize: (input) => Promise.resolve(summarizeExtractively(input)),
  };
}
