/**
 * `memory/state.json`: where scanning resumes, the cycle counter, the fixes
 * being watched, the review queue and recent cycle history.
 *
 * @module
 */
export {
  CycleRecordSchema,
  EngineStateFile,
  HISTORY_LENGTH,
  ReviewItemSchema,
} from "./engine_state.ts";
export type { CycleRecord, EngineState, ReviewItem } from "./engine_state.ts";
