import { describe, expect, it } from "vitest";
import type { ActiveFix, FixOutcome } from "../../src/learn/mod.ts";
import { feedbackTimeline, histogram, preferredHome } from "../../src/server/mod.ts";
import type { HomeStatus } from "../../src/server/mod.ts";

function outcome(
  eventId: string,
  status: "proven" | "failed",
  cycle: number,
  appliedCycle: number,
  reverses?: string,
): FixOutcome {
  return {
    id: `${eventId}:${status}`,
    clusterId: `c-${eventId}`,
    geneId: "g",
    eventId,
    status,
    cycle,
    appliedCycle,
    cleanCycles: 0,
    reason: "",
    ...(reverses ? { reverses } : {}),
  };
}

const fix = (eventId: string, appliedCycle: number): ActiveFix => ({
  clusterId: `c-${eventId}`,
  geneId: "g",
  eventId,
  appliedCycle,
  cleanCycles: 0,
  status: "active",
});

describe("feedbackTimeline()", () => {
  it("counts a fix active until its outcome, and proven until a failure reverses it", () => {
    const timeline = feedbackTimeline({
      cycles: 9,
      fixes: [fix("ev-7", 7)],
      outcomes: [
        outcome("ev-1", "proven", 4, 1),
        outcome("ev-2", "failed", 3, 2),
        outcome("ev-1", "failed", 6, 1, "ev-1:proven"),
      ],
      history: [{
        cycle: 9,
        at: "2026-11-22T00:00:00.000Z",
        strategy: "balanced",
        intent: null,
        clusterId: null,
        geneId: null,
        proven: 0,
        failed: 0,
        seen: 0,
      }],
    });
    expect(timeline.points.map((p) => [p.cycle, p.active, p.proven, p.failed])).toEqual([
      [1, 1, 0, 0],
      [2, 2, 0, 0],
      [3, 1, 0, 1],
      [4, 0, 1, 1],
      [5, 0, 1, 1],
      [6, 0, 0, 2],
      [7, 1, 0, 2],
      [8, 1, 0, 2],
      [9, 1, 0, 2],
    ]);
    expect(timeline.points.at(-1)?.at).toBe("2026-11-22T00:00:00.000Z");
    expect(timeline.points[0]?.at).toBeNull();
    expect({ active: timeline.active, proven: timeline.proven, failed: timeline.failed }).toEqual({
      active: 1,
      proven: 0,
      failed: 2,
    });
  });

  it("thins a long history to at most maxPoints, keeping the last cycle", () => {
    const timeline = feedbackTimeline({
      cycles: 10_000,
      fixes: [fix("ev-1", 1)],
      outcomes: [],
      history: [],
      maxPoints: 300,
    });
    expect(timeline.points.length).toBeLessThanOrEqual(300);
    expect(timeline.points.length).toBeGreaterThan(250);
    expect(timeline.points.at(-1)?.cycle).toBe(10_000);
  });
});

describe("histogram()", () => {
  it("counts values into [from, to) bins, the top edge into the last bin", () => {
    expect(histogram([-1, -0.1, 0, 0.5, 1, 7], [-1, 0, 1]).map((b) => b.count)).toEqual([2, 4]);
  });
});

describe("preferredHome()", () => {
  const status = (id: "home" | "demo", cycles: number, available = true): HomeStatus => ({
    id,
    dir: `/${id}`,
    label: id,
    available,
    cycles,
  });

  it("opens on the demo only while the home has never run a cycle", () => {
    expect(preferredHome([status("home", 0), status("demo", 5)])).toBe("demo");
    expect(preferredHome([status("home", 1), status("demo", 5)])).toBe("home");
    expect(preferredHome([status("home", 0), status("demo", 0, false)])).toBe("home");
    expect(preferredHome([status("home", 0), status("demo", 0)])).toBe("home");
  });
});
