// @ts-check
/**
 * Which OpenClaw hooks the plugin forwards, and how (DESIGN §6.7). The engine's list is
 * `FORWARDED_HOOKS` in src/agent_server/protocol.ts; a test keeps the two equal.
 *
 * @module
 */

/** Awaited within the time budget: the engine's answer is injected into the prompt. */
export const AWAITED_HOOKS = Object.freeze(["before_prompt_build"]);

/** Fire-and-forget: sent to the engine, never awaited, so they cost the agent no wait. */
export const NOTIFIED_HOOKS = Object.freeze([
  "agent_end",
  "llm_output",
  "after_tool_call",
]);

/** Every forwarded hook, in the engine's order. */
export const FORWARDED_HOOKS = Object.freeze([
  ...AWAITED_HOOKS,
  ...NOTIFIED_HOOKS,
]);

/** The `before_prompt_build` result fields OpenClaw may receive from the engine. */
export const PROMPT_RESULT_KEYS = Object.freeze([
  "prependContext",
  "appendContext",
  "prependSystemContext",
  "appendSystemContext",
]);

/**
 * Keeps only the injectable string fields of an engine answer: whatever else the engine
 * returns (or a malformed answer) never reaches OpenClaw.
 *
 * @param {unknown} result the engine's `result`
 * @returns {Record<string, string> | undefined} undefined when there is nothing to inject
 * @example
 * promptResult({ prependContext: "<lshml-memories>…", toolsAllow: ["exec"] });
 * // { prependContext: "<lshml-memories>…" }
 */
export function promptResult(result) {
  if (typeof result !== "object" || result === null) return undefined;
  /** @type {Record<string, string>} */
  const out = {};
  for (const key of PROMPT_RESULT_KEYS) {
    const value = /** @type {Record<string, unknown>} */ (result)[key];
    if (typeof value === "string" && value.length > 0) out[key] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
