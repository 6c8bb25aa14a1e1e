/**
 * `memory/state.json`: where scanning resumes, and (later) the cycle counter,
 * active fixes and review queue.
 *
 * @module
 */
export { EngineStateFile } from "./engine_state.ts";
export type { EngineState } from "./engine_state.ts";
