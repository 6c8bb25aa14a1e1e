import type { z } from "zod";

/** What {@link parseJsonReply} returns. */
export type JsonReply<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string };

const FENCE = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i;

/**
 * Reads a model's reply as one JSON object validated by `schema`. Tolerates what models add around
 * JSON — a Markdown code fence — and nothing else: prose, two objects or a schema mismatch are
 * problems, described in `problem` (never including the reply itself, which may echo user text).
 *
 * @example
 * ```ts
 * parseJsonReply('```json\n{"reward":0.5,"confidence":0.8,"reason":"ok"}\n```', RewardReplySchema);
 * // { ok: true, value: { reward: 0.5, confidence: 0.8, reason: "ok" } }
 * parseJsonReply("Sure! Here you go", RewardReplySchema).ok; // false
 * ```
 */
export function parseJsonReply<T>(text: string, schema: z.ZodType<T>): JsonReply<T> {
  const body = FENCE.exec(text)?.[1] ?? text.trim();
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return { ok: false, problem: `not JSON (${(error as SyntaxError).message})` };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    return { ok: false, problem: `unexpected JSON${where}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, value: parsed.data };
}
