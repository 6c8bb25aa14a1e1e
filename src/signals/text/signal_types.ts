/**
 * The 19 signal types of DESIGN §6.1, in a fixed order. The order is part of
 * the contract: it is the tie-break when two signals start at the same index,
 * and code may use a type's position as a compact index.
 *
 * @example
 * ```ts
 * SIGNAL_TYPES.includes("timeout"); // true
 * SIGNAL_TYPES.length; // 19
 * ```
 */
export const SIGNAL_TYPES = [
  "log_error",
  "tool_error",
  "llm_error",
  "timeout",
  "permission_denied",
  "missing_resource",
  "network_failure",
  "integration_key_missing",
  "parse_error",
  "unsupported_input_type",
  "recurring_error",
  "user_correction",
  "user_praise",
  "user_feature_request",
  "user_improvement_suggestion",
  "perf_bottleneck",
  "repeated_tool_loop",
  "capability_gap",
  "evolution_stagnation",
] as const;

/** One of the {@linkcode SIGNAL_TYPES}. */
export type SignalType = typeof SIGNAL_TYPES[number];

const KNOWN: ReadonlySet<string> = new Set(SIGNAL_TYPES);

/**
 * Narrows an arbitrary string (a config value, a JSON field) to a
 * {@linkcode SignalType}.
 *
 * @example
 * ```ts
 * isSignalType("timeout"); // true
 * isSignalType("oops"); // false
 * ```
 */
export function isSignalType(value: string): value is SignalType {
  return KNOWN.has(value);
}
