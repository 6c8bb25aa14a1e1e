/**
 * What `before_prompt_build` returns to OpenClaw when there is something to inject: OpenClaw puts
 * `prependContext` before the user's text in this turn's user message, and `appendSystemContext`
 * at the end of the system prompt (docs/openclaw-facts.md §6).
 *
 * @example
 * ```ts
 * const out: PromptInjection = {
 *   prependContext: "<lshml-memories>\nUNTRUSTED HINTS …\n</lshml-memories>",
 *   appendSystemContext: MEMORY_SYSTEM_NOTE,
 * };
 * ```
 */
export interface PromptInjection {
  /** The `<lshml-memories>` block. */
  readonly prependContext: string;
  /** A note on how to read the block, in the one place the model trusts. */
  readonly appendSystemContext: string;
}
