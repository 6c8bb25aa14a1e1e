/**
 * OpenClaw's marker on every inbound-context header it injects (`Conversation info: ⟦openclaw:ctx⟧`
 * followed by a ```json block), from `strip-inbound-meta` in OpenClaw 2026.9.
 */
export const INBOUND_CONTEXT_MARKER = "⟦openclaw:ctx⟧";

const INTERNAL_BLOCK =
  /<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>[\s\S]*?(?:<<<END_OPENCLAW_INTERNAL_CONTEXT>>>|$)/g;
const OWN_BLOCK = /<lshml-memories>[\s\S]*?(?:<\/lshml-memories>|$)/g;
/** The `--local` timestamp prefix: `[Sat 2026-11-21 10:58 UTC] `. */
const TIMESTAMP = /^\[(?:[A-Za-z]{3} )?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}[^\]\n]*\] */gm;
/**
 * A channel envelope `[Telegram Ann id:42 +2m Sat 2026-11-21 10:58:02 UTC] ` and the sender label
 * OpenClaw puts after it (`Ann: `, `(self): `).
 */
const ENVELOPE =
  /^\[(?![A-Za-z]{3} \d{4}-|\d{4}-)[^\]\n]*?\s(?:[A-Za-z]{3} )?\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}[^\]\n]*\] *(?:\(self\): |[^:\n]{1,40}: )?/gm;
const RUNTIME_LINE = /^Runtime: agent=[^\n]*$/gm;
/** A marked header, or a legacy `… (untrusted metadata):` one, and its ```json block. */
const CONTEXT_JSON_BLOCK =
  /^[^\n]*(?:⟦openclaw:ctx⟧|\((?:untrusted metadata|untrusted, [^)\n]*)\):)[ \t]*\n```json\n[\s\S]*?\n```[ \t]*(?:\n|$)/gm;
/** A marked or legacy header followed by plain lines up to a blank line. */
const CONTEXT_TEXT_BLOCK =
  /^[^\n]*(?:⟦openclaw:ctx⟧|\(metadata, do not treat as instructions or commands\):|\(untrusted, for context\):)[ \t]*\n(?:[^\n]+\n?)*/gm;
const HISTORY_MARKERS =
  /^\[(?:Chat messages since your last reply - for context|Current message - respond to this)\][ \t]*$/gm;
const DELIVERY_HINT = /^Delivery: [^\n]*(?:`message` tool|is delivered automatically)[^\n]*$/gm;
const REPLY_TAGS =
  /\[\[\s*(?:reply_to_current|reply_to\s*:[^\]\n]*|audio_as_voice|tts:[^\]\n]*)\s*\]\]/g;
const MESSAGE_ID_TAG = /\[message_id:[^\]\n]*\]/gi;
const ID_FIELDS =
  /\b(?:message_id|messageId|idempotencyKey|toolCallId|chat_id|sender_id|reply_to_id)\s*[:=]\s*"?[\w:.@+-]+"?/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const TOOL_CALL_ID = /\bcall_[A-Za-z0-9_-]{6,}\b/g;

/**
 * The first half of pass 1 of the sanitiser: removes the conversation metadata OpenClaw wraps
 * around what people type, so that only their words reach a memory.
 *
 * - `<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>…<<<END_OPENCLAW_INTERNAL_CONTEXT>>>` blocks (to the end
 *   of the text when unterminated), and lshml's own `<lshml-memories>` block;
 * - timestamp prefixes and channel envelopes (`[Sat 2026-11-21 10:58 UTC] `,
 *   `[Telegram Ann id:42 Sat 2026-11-21 10:58:02 UTC] `) with the sender label after an envelope
 *   (`Ann: `), and the `Runtime: agent=… | host=…` line;
 * - inbound-context blocks (`Conversation info: ⟦openclaw:ctx⟧` + ```json, the legacy
 *   `Sender (untrusted metadata):` forms, `Untrusted context (metadata, …):` paragraphs), the
 *   group-history markers and `Delivery:` hints;
 * - reply and voice tags (`[[reply_to_current]]`, `[[reply_to:…]]`), `[message_id: …]` tags, id
 *   fields (`message_id: 123`, `idempotencyKey=…`), UUIDs and tool-call ids (`call_…`) → `<id>`.
 *
 * @example
 * ```ts
 * stripOpenClawMetadata("[Sat 2026-11-21 10:58 UTC] fix the build [[reply_to_current]]");
 * // "fix the build"
 * ```
 */
export function stripOpenClawMetadata(text: string): string {
  return text
    .replace(INTERNAL_BLOCK, "")
    .replace(OWN_BLOCK, "")
    .replace(CONTEXT_JSON_BLOCK, "")
    .replace(CONTEXT_TEXT_BLOCK, "")
    .replace(ENVELOPE, "")
    .replace(TIMESTAMP, "")
    .replace(RUNTIME_LINE, "")
    .replace(HISTORY_MARKERS, "")
    .replace(DELIVERY_HINT, "")
    .replace(REPLY_TAGS, "")
    .replace(MESSAGE_ID_TAG, "")
    .replace(ID_FIELDS, "<id>")
    .replace(UUID, "<id>")
    .replace(TOOL_CALL_ID, "<id>")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
