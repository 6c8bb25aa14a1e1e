import { SIGNAL_TYPES, type SignalType } from "./signal_types.ts";

/**
 * Who wrote a text: the user, the assistant, a tool (its result), or a log file.
 * Roles decide which signal types the text can express.
 */
export type TextRole = "user" | "assistant" | "tool" | "log";

const USER_ONLY: ReadonlySet<SignalType> = new Set([
  "user_correction",
  "user_praise",
  "user_feature_request",
  "user_improvement_suggestion",
]);
const ASSISTANT_ONLY: ReadonlySet<SignalType> = new Set(["capability_gap"]);

/**
 * The signal types that text from `role` can express: `user_*` only in the
 * user's words, `capability_gap` only in the assistant's (it is the agent
 * saying what it cannot do), and every error, performance, loop and stagnation
 * category in any text.
 *
 * @example
 * ```ts
 * typesForRole("user").includes("user_praise"); // true
 * typesForRole("tool").includes("user_praise"); // false
 * typesForRole("assistant").includes("capability_gap"); // true
 * ```
 */
export function typesForRole(role: TextRole): SignalType[] {
  return SIGNAL_TYPES.filter((type) =>
    USER_ONLY.has(type) ? role === "user" : ASSISTANT_ONLY.has(type) ? role === "assistant" : true
  );
}
