import { z } from "zod";

/**
 * The parts of an OpenClaw transcript event lshml reads (OpenClaw ≥ 2026.9 and
 * the older JSONL sessions share these shapes; see docs/openclaw-facts.md).
 * Schemas are loose: OpenClaw adds fields freely and lshml ignores what it
 * does not need.
 */

const ContentPart = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  /** toolCall parts */
  id: z.string().optional(),
  name: z.string().optional(),
  arguments: z.unknown().optional(),
});

/** A transcript message: user, assistant or tool result. */
export const TranscriptMessageSchema = z.looseObject({
  role: z.string(),
  content: z.union([z.string(), z.array(ContentPart)]).optional(),
  /** assistant: "stop" | "toolUse" | "error" | … */
  stopReason: z.string().optional(),
  errorMessage: z.string().optional(),
  /** epoch milliseconds */
  timestamp: z.number().optional(),
  /** toolResult */
  toolName: z.string().optional(),
  isError: z.boolean().optional(),
  details: z.looseObject({
    exitCode: z.number().nullable().optional(),
    status: z.string().optional(),
    error: z.string().optional(),
  }).optional(),
});

/** See {@link TranscriptMessageSchema}. */
export type TranscriptMessage = z.infer<typeof TranscriptMessageSchema>;

/** One transcript event with a message (other event types are skipped). */
export const MessageEventSchema = z.looseObject({
  type: z.literal("message"),
  id: z.string().optional(),
  timestamp: z.string().optional(),
  message: TranscriptMessageSchema,
});

/** See {@link MessageEventSchema}. */
export type MessageEvent = z.infer<typeof MessageEventSchema>;

/** The text parts of a message joined with newlines (a string content as is). */
export function messageText(message: TranscriptMessage): string {
  const content = message.content;
  if (typeof content === "string") return content;
  if (!content) return "";
  let text = "";
  for (const part of content) {
    if (part.type === "text" && part.text) text += text ? `\n${part.text}` : part.text;
  }
  return text;
}

/** The tool calls of an assistant message, in order. */
export function toolCalls(message: TranscriptMessage): { name: string; args: unknown }[] {
  if (!Array.isArray(message.content)) return [];
  return message.content
    .filter((part) => part.type === "toolCall" && typeof part.name === "string")
    .map((part) => ({ name: part.name as string, args: part.arguments }));
}
