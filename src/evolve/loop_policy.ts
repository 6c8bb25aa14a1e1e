/** What the previous cycle of a loop did, and how busy the machine is. */
export interface LoopState {
  /** Seconds slept before the previous cycle. */
  readonly lastSleep: number;
  /** Whether the previous cycle evolved something or decided an outcome. */
  readonly busy: boolean;
  /** The 1-minute load average, and the limit (`EVOLVE_LOAD_MAX`). */
  readonly load: number;
  readonly loadMax: number;
}

/** The next step of a loop: run a cycle after sleeping, or only sleep (backing off). */
export interface LoopStep {
  readonly sleepSeconds: number;
  readonly runCycle: boolean;
  readonly reason: string;
}

/**
 * Adaptive sleep for `lshml run --loop`: after a busy cycle, come back soon
 * (`min`); after a quiet one, wait twice as long as last time, up to `max`.
 * While the 1-minute load average is above `loadMax`, skip cycles and back off
 * the same way, so a busy machine is left alone.
 *
 * @example
 * ```ts
 * nextLoopStep({ lastSleep: 60, busy: false, load: 0.3, loadMax: 2 }, { min: 60, max: 1800 });
 * // { sleepSeconds: 120, runCycle: true, reason: "quiet: sleeping 120 s" }
 * ```
 */
export function nextLoopStep(
  state: LoopState,
  bounds: { readonly min: number; readonly max: number },
): LoopStep {
  const backoff = Math.min(bounds.max, Math.max(bounds.min, state.lastSleep * 2));
  if (state.load > state.loadMax) {
    return {
      sleepSeconds: backoff,
      runCycle: false,
      reason: `load ${
        state.load.toFixed(2)
      } > EVOLVE_LOAD_MAX ${state.loadMax}: backing off ${backoff} s`,
    };
  }
  if (state.busy) {
    return {
      sleepSeconds: bounds.min,
      runCycle: true,
      reason: `busy: next cycle in ${bounds.min} s`,
    };
  }
  return { sleepSeconds: backoff, runCycle: true, reason: `quiet: sleeping ${backoff} s` };
}
