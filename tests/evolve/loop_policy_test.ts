import { describe, expect, it } from "vitest";
import { nextLoopStep } from "../../src/evolve/loop_policy.ts";

const bounds = { min: 60, max: 1800 };

describe("nextLoopStep()", () => {
  it("comes back soon after a busy cycle and backs off after quiet ones, up to the max", () => {
    expect(nextLoopStep({ lastSleep: 600, busy: true, load: 0.1, loadMax: 2 }, bounds))
      .toMatchObject({ sleepSeconds: 60, runCycle: true });
    expect(nextLoopStep({ lastSleep: 60, busy: false, load: 0.1, loadMax: 2 }, bounds).sleepSeconds)
      .toBe(120);
    expect(
      nextLoopStep({ lastSleep: 1500, busy: false, load: 0.1, loadMax: 2 }, bounds).sleepSeconds,
    )
      .toBe(1800);
  });

  it("skips cycles while the load average is above EVOLVE_LOAD_MAX", () => {
    const step = nextLoopStep({ lastSleep: 60, busy: true, load: 3.5, loadMax: 2 }, bounds);
    expect(step).toMatchObject({ runCycle: false, sleepSeconds: 120 });
    expect(step.reason).toContain("EVOLVE_LOAD_MAX");
  });
});
