// @ts-check
/**
 * Reading the engine's answers (JSON lines; see src/agent_server/protocol.ts): untrusted
 * values narrowed without throwing.
 *
 * @module
 */

/** @param {unknown} value */
export const record = (value) =>
  typeof value === "object" && value !== null
    ? /** @type {Record<string, unknown>} */ (value)
    : undefined;

/**
 * The first line of an error answer: `CODE: message`.
 *
 * @param {Record<string, unknown>} answer
 */
export function describeError(answer) {
  const error = record(answer.error);
  if (!error) return "no answer";
  return `${String(error.code ?? "ERROR")}: ${String(error.message ?? "").split("\n")[0]}`;
}
