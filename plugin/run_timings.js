// @ts-check
/**
 * What the bridge costs the agent: the time spent inside each hook call, summed per agent
 * run (keyed by `ctx.runId`) and reported once at the run's `agent_end`.
 *
 * @module
 */

/** Runs kept until their agent_end; a gateway serves many at once, some never end. */
const MAX_TRACKED_RUNS = 64;

/** @param {number} ms */
const round = (ms) => Math.round(ms * 10) / 10;

/** @param {unknown} ctx */
function runIdOf(ctx) {
  const runId = typeof ctx === "object" && ctx !== null
    ? /** @type {Record<string, unknown>} */ (ctx).runId
    : undefined;
  return typeof runId === "string" ? runId : "";
}

/** Hook time per agent run, until the run's agent_end reports it. */
export class RunTimings {
  constructor() {
    /** @type {Map<string, Map<string, { calls: number, ms: number }>>} */
    this.runs = new Map();
  }

  /**
   * Adds one hook call's time to its run.
   *
   * @param {string} hook
   * @param {unknown} ctx the hook's ctx (for `runId`)
   * @param {number} ms
   */
  add(hook, ctx, ms) {
    const runId = runIdOf(ctx);
    let run = this.runs.get(runId);
    if (!run) {
      if (this.runs.size >= MAX_TRACKED_RUNS) {
        const oldest = this.runs.keys().next().value;
        if (oldest !== undefined) this.runs.delete(oldest);
      }
      run = new Map();
      this.runs.set(runId, run);
    }
    const entry = run.get(hook) ?? { calls: 0, ms: 0 };
    entry.calls++;
    entry.ms += ms;
    run.set(hook, entry);
  }

  /**
   * Removes a run and describes its time, or undefined when nothing was recorded.
   *
   * @param {unknown} ctx
   * @returns {{ text: string, totalMs: number } | undefined}
   * @example
   * timings.take(ctx)?.text; // "before_prompt_build 1.2 ms, agent_end 0.3 ms; total 1.5 ms"
   */
  take(ctx) {
    const runId = runIdOf(ctx);
    const run = this.runs.get(runId);
    if (!run) return undefined;
    this.runs.delete(runId);
    let total = 0;
    const parts = [...run].map(([hook, { calls, ms }]) => {
      total += ms;
      return `${hook} ${round(ms)} ms${calls > 1 ? ` (${calls} calls)` : ""}`;
    });
    return {
      text: `${parts.join(", ")}; total ${round(total)} ms`,
      totalMs: total,
    };
  }
}
