import { describe, expect, it } from "vitest";
import {
  type ActiveFix,
  advanceFixes,
  FAIL_WINDOW,
  type FixOutcome,
  FixOutcomeSchema,
  PROVEN_AFTER_CLEAN,
  startFix,
} from "../../src/learn/mod.ts";

const C0 = 10;
const fix = (clusterId = "c1", eventId = "evt_1") =>
  startFix({ clusterId, geneId: "gene_a", eventId, cycle: C0 });

/** Runs cycles C0+1 … C0+n; `recurAt` lists the offsets at which cluster c1 occurs. */
function run(fixes: ActiveFix[], n: number, recurAt: readonly number[] = []) {
  const outcomes: FixOutcome[] = [];
  let current = fixes;
  for (let d = 1; d <= n; d++) {
    const seen = new Set(recurAt.includes(d) ? ["c1"] : []);
    const step = advanceFixes(current, { cycle: C0 + d, seen });
    current = step.fixes;
    outcomes.push(...step.outcomes);
  }
  return { fixes: current, outcomes };
}

describe("advanceFixes()", () => {
  it("keeps the product's constants: proven after 3 clean cycles, failed within 5", () => {
    expect(PROVEN_AFTER_CLEAN).toBe(3);
    expect(FAIL_WINDOW).toBe(5);
  });

  it("proves a fix after exactly 3 clean cycles, not after 2", () => {
    const two = run([fix()], 2);
    expect(two.outcomes).toEqual([]);
    expect(two.fixes[0]).toMatchObject({ status: "active", cleanCycles: 2 });
    const three = run([fix()], 3);
    expect(three.outcomes).toHaveLength(1);
    expect(three.outcomes[0]).toMatchObject({
      id: "evt_1:proven",
      status: "proven",
      cycle: C0 + 3,
      appliedCycle: C0,
      cleanCycles: 3,
    });
    expect(() => FixOutcomeSchema.parse(three.outcomes[0])).not.toThrow();
  });

  it("emits the proof once, not again at the 4th or 5th clean cycle, then stops watching", () => {
    const four = run([fix()], 4);
    expect(four.outcomes.map((o) => o.id)).toEqual(["evt_1:proven"]);
    expect(four.fixes[0]).toMatchObject({ status: "proven", cleanCycles: 4 });
    const five = run([fix()], 5);
    expect(five.outcomes.map((o) => o.id)).toEqual(["evt_1:proven"]);
    expect(five.fixes).toEqual([]);
  });

  it.each([1, 2, 3])("fails a fix whose cluster recurs %i cycle(s) after it", (d) => {
    const { fixes, outcomes } = run([fix()], d, [d]);
    expect(fixes).toEqual([]);
    expect(outcomes).toEqual([
      expect.objectContaining({ id: "evt_1:failed", status: "failed", cycle: C0 + d }),
    ]);
    expect(outcomes[0]?.reverses).toBeUndefined();
  });

  it.each([4, 5])(
    "fails a proven fix whose cluster recurs %i cycles after it, reversing the proof",
    (d) => {
      const { fixes, outcomes } = run([fix()], d, [d]);
      expect(fixes).toEqual([]);
      expect(outcomes.map((o) => o.id)).toEqual(["evt_1:proven", "evt_1:failed"]);
      const failure = outcomes[1]!;
      expect(failure).toMatchObject({ status: "failed", cycle: C0 + d, reverses: "evt_1:proven" });
      expect(failure.reason).toContain("reverses");
    },
  );

  it.each([6, 7, 12])("treats a recurrence %i cycles after the fix as a new occurrence", (d) => {
    const { fixes, outcomes } = run([fix()], d, [d]);
    expect(outcomes.map((o) => o.id)).toEqual(["evt_1:proven"]);
    expect(fixes).toEqual([]);
  });

  it("does not count the cycle the fix was applied in, nor the same cycle twice", () => {
    const applied = advanceFixes([fix()], { cycle: C0, seen: new Set(["c1"]) });
    expect(applied.outcomes).toEqual([]);
    expect(applied.fixes).toEqual([fix()]);
    const once = advanceFixes([fix()], { cycle: C0 + 1, seen: new Set() });
    const twice = advanceFixes(once.fixes, { cycle: C0 + 1, seen: new Set() });
    expect(twice.fixes[0]?.cleanCycles).toBe(1);
  });

  it("tracks several fixes at once, each by its own cluster", () => {
    const fixes = [fix("c1", "e1"), fix("c2", "e2"), { ...fix("c3", "e3"), appliedCycle: C0 + 1 }];
    let current: ActiveFix[] = fixes;
    const outcomes: FixOutcome[] = [];
    const seenAt: Record<number, string[]> = { 2: ["c2", "c9"], 3: [], 4: ["c3"] };
    for (let d = 1; d <= 5; d++) {
      const step = advanceFixes(current, { cycle: C0 + d, seen: new Set(seenAt[d] ?? []) });
      current = step.fixes;
      outcomes.push(...step.outcomes);
    }
    expect(outcomes.map((o) => `${o.id}@${o.cycle - C0}`)).toEqual([
      "e2:failed@2",
      "e1:proven@3",
      "e3:failed@4",
    ]);
    expect(current).toEqual([]);
  });

  it("gives the same outcome ids when a cycle sequence is replayed", () => {
    const a = run([fix("c1", "evt_x")], 5, [4]);
    const b = run([fix("c1", "evt_x")], 5, [4]);
    expect(a.outcomes).toEqual(b.outcomes);
    expect(a.outcomes.map((o) => o.id)).toEqual(["evt_x:proven", "evt_x:failed"]);
  });

  it("counts skipped cycles as no evidence and expires an unproven fix whose cluster returns late", () => {
    const gap = advanceFixes([fix()], { cycle: C0 + 1, seen: new Set() });
    const late = advanceFixes(gap.fixes, { cycle: C0 + 7, seen: new Set() });
    expect(late.outcomes).toEqual([]);
    expect(late.fixes[0]).toMatchObject({ status: "active", cleanCycles: 2 });
    const back = advanceFixes(late.fixes, { cycle: C0 + 8, seen: new Set(["c1"]) });
    expect(back).toEqual({ fixes: [], outcomes: [], expired: late.fixes });
    const proven = advanceFixes(late.fixes, { cycle: C0 + 8, seen: new Set() });
    expect(proven.outcomes.map((o) => o.id)).toEqual(["evt_1:proven"]);
    expect(proven.fixes).toEqual([]);
  });

  it("rejects a cycle that is not a non-negative integer", () => {
    expect(() => advanceFixes([], { cycle: -1, seen: new Set() })).toThrow(RangeError);
    expect(() => advanceFixes([], { cycle: 1.5, seen: new Set() })).toThrow(RangeError);
  });
});
