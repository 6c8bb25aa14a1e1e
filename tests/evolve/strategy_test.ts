import { describe, expect, it } from "vitest";
import {
  chooseIntent,
  EARLY_CYCLES,
  resolveStrategy,
  STRATEGY_RATIOS,
} from "../../src/evolve/strategy.ts";
import type { CycleRecord } from "../../src/state/mod.ts";

const record = (cycle: number, fields: Partial<CycleRecord> = {}): CycleRecord => ({
  cycle,
  at: "2026-11-21T00:00:00Z",
  strategy: "balanced",
  intent: "repair",
  clusterId: "c",
  geneId: "g",
  proven: 0,
  failed: 0,
  seen: 1,
  ...fields,
});

describe("strategies", () => {
  it("keeps the seed's intent ratios", () => {
    expect(STRATEGY_RATIOS.balanced).toEqual({ repair: 0.2, optimize: 0.3, innovate: 0.5 });
    expect(STRATEGY_RATIOS.innovate).toEqual({ repair: 0.05, optimize: 0.15, innovate: 0.8 });
    expect(STRATEGY_RATIOS.harden).toEqual({ repair: 0.4, optimize: 0.4, innovate: 0.2 });
    expect(STRATEGY_RATIOS["repair-only"]).toEqual({ repair: 0.8, optimize: 0.2, innovate: 0 });
    expect(STRATEGY_RATIOS["early-stabilize"]).toEqual({
      repair: 0.6,
      optimize: 0.25,
      innovate: 0.15,
    });
    expect(STRATEGY_RATIOS["steady-state"]).toEqual({ repair: 0.6, optimize: 0.3, innovate: 0.1 });
  });

  it("auto stabilises early, escapes a repair loop, and settles when nothing is left", () => {
    expect(resolveStrategy("auto", [], 1).strategy).toBe("early-stabilize");
    expect(resolveStrategy("auto", [], EARLY_CYCLES + 1).strategy).toBe("balanced");
    const loop = [1, 2, 3, 4, 5, 6].map((c) => record(c, { failed: c % 2 }));
    expect(resolveStrategy("auto", loop, 7)).toMatchObject({ strategy: "innovate" });
    const quiet = [1, 2, 3, 4, 5, 6].map((c) => record(c, { intent: null }));
    expect(resolveStrategy("auto", quiet, 7).strategy).toBe("steady-state");
    expect(resolveStrategy("harden", loop, 7)).toEqual({
      strategy: "harden",
      reason: "configured",
    });
  });

  it("draws intents in proportion to the ratios", () => {
    let seed = 1;
    const rng = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const all = { repair: 1, optimize: 1, innovate: 1 };
    const counts = { repair: 0, optimize: 0, innovate: 0 };
    for (let i = 0; i < 10_000; i++) {
      const intent = chooseIntent(STRATEGY_RATIOS.balanced, all, rng).intent;
      if (intent) counts[intent]++;
    }
    expect(counts.repair / 10_000).toBeCloseTo(0.2, 1);
    expect(counts.innovate / 10_000).toBeCloseTo(0.5, 1);
  });

  it("falls back to an intent that has work, and to none when nothing has", () => {
    const only = { repair: 2, optimize: 0, innovate: 0 };
    const choice = chooseIntent(STRATEGY_RATIOS.innovate, only, () => 0.99);
    expect(choice).toMatchObject({ intent: "repair", drawn: "innovate" });
    const none = chooseIntent(
      STRATEGY_RATIOS.balanced,
      { repair: 0, optimize: 0, innovate: 0 },
      () => 0.1,
    );
    expect(none.intent).toBeNull();
  });
});
