import type { StagnationSignal } from "../signals/mod.ts";
import type { CycleRecord } from "../state/mod.ts";

/** Cycles that evolved something without proving anything before evolution counts as stuck. */
export const STAGNATION_CYCLES = 10;

/**
 * An `evolution_stagnation` signal when the last {@link STAGNATION_CYCLES}
 * cycles kept evolving yet proved no fix: what is being tried is not working,
 * and the cycle should look for something new (an innovate target).
 */
export function stagnationSignal(
  history: readonly CycleRecord[],
  at: Date,
): StagnationSignal | undefined {
  const recent = history.slice(-STAGNATION_CYCLES);
  if (recent.length < STAGNATION_CYCLES) return undefined;
  const evolving = recent.filter((c) => c.intent !== null).length;
  const proven = recent.reduce((n, c) => n + c.proven, 0);
  if (proven > 0 || evolving < STAGNATION_CYCLES / 2) return undefined;
  const text = `${evolving} evolutions in the last ${recent.length} cycles, none proven`;
  return {
    type: "evolution_stagnation",
    source: { id: "engine" },
    time: at.toISOString(),
    lang: "en",
    detector: "structure.no_proven_fix",
    text,
    excerpt: text,
    cycles: recent.length,
  };
}
