import type { Config } from "../config/mod.ts";
import type { CycleRecord } from "../state/mod.ts";

/** What an evolution sets out to do. */
export type Intent = "repair" | "optimize" | "innovate";

/** The fixed mixes; `auto` picks one of them from history. */
export type FixedStrategy = Exclude<Config["evolve"]["strategy"], "auto">;

/** Each strategy's intent ratios repair / optimize / innovate (DESIGN §6.5; the seed's values). */
export const STRATEGY_RATIOS: Readonly<Record<FixedStrategy, Readonly<Record<Intent, number>>>> = {
  balanced: { repair: 0.2, optimize: 0.3, innovate: 0.5 },
  innovate: { repair: 0.05, optimize: 0.15, innovate: 0.8 },
  harden: { repair: 0.4, optimize: 0.4, innovate: 0.2 },
  "repair-only": { repair: 0.8, optimize: 0.2, innovate: 0 },
  "early-stabilize": { repair: 0.6, optimize: 0.25, innovate: 0.15 },
  "steady-state": { repair: 0.6, optimize: 0.3, innovate: 0.1 },
};

/** Cycles during which `auto` stabilises first. */
export const EARLY_CYCLES = 5;
/** `auto` calls it a repair loop when this many of the recent repair fixes failed… */
const LOOP_FAILURES = 3;
/** …within this many recent cycles, none proven. */
const LOOP_WINDOW = 8;
/** `auto` calls it saturation when this many quiet cycles found nothing to fix. */
const SATURATION_CYCLES = 5;

/** A resolved strategy and why `auto` chose it. */
export interface ResolvedStrategy {
  readonly strategy: FixedStrategy;
  readonly reason: string;
}

/**
 * The strategy of the next cycle. A fixed one is used as configured; `auto`
 * reads the history: the first cycles stabilise (`early-stabilize`), repeated
 * failed repairs mean repairing is not working and it is time to try something
 * new (`innovate`), and once cycles keep finding nothing to repair the engine
 * settles (`steady-state`); otherwise `balanced`.
 */
export function resolveStrategy(
  configured: Config["evolve"]["strategy"],
  history: readonly CycleRecord[],
  nextCycle: number,
): ResolvedStrategy {
  if (configured !== "auto") return { strategy: configured, reason: "configured" };
  if (nextCycle <= EARLY_CYCLES) {
    return {
      strategy: "early-stabilize",
      reason: `auto: cycle ${nextCycle} of the first ${EARLY_CYCLES}`,
    };
  }
  const recent = history.slice(-LOOP_WINDOW);
  const failed = recent.reduce((n, c) => n + c.failed, 0);
  const proven = recent.reduce((n, c) => n + c.proven, 0);
  if (failed >= LOOP_FAILURES && proven === 0) {
    return {
      strategy: "innovate",
      reason: `auto: ${failed} failed fixes and none proven in the last ${recent.length} cycles`,
    };
  }
  const quiet = history.slice(-SATURATION_CYCLES);
  if (quiet.length === SATURATION_CYCLES && quiet.every((c) => c.intent === null)) {
    return {
      strategy: "steady-state",
      reason: `auto: nothing to evolve in ${SATURATION_CYCLES} cycles`,
    };
  }
  return { strategy: "balanced", reason: "auto: no pattern in the history" };
}

/** What intent a cycle works on, and how it came to it. */
export interface IntentChoice {
  readonly intent: Intent | null;
  /** The intent the seeded draw gave; differs from `intent` when it had nothing to work on. */
  readonly drawn: Intent;
  readonly reason: string;
}

const ORDER: readonly Intent[] = ["repair", "optimize", "innovate"];

/**
 * Draws an intent by the strategy's ratios with the seeded `rng`; when the drawn
 * intent has nothing to work on this cycle, the available intent with the
 * largest ratio is taken instead (a repair-heavy strategy with nothing broken
 * optimises), and `null` when nothing is available at all.
 */
export function chooseIntent(
  ratios: Readonly<Record<Intent, number>>,
  available: Readonly<Record<Intent, number>>,
  rng: () => number,
): IntentChoice {
  const total = ORDER.reduce((sum, i) => sum + ratios[i], 0);
  let point = rng() * total;
  let drawn: Intent = "repair";
  for (const intent of ORDER) {
    drawn = intent;
    point -= ratios[intent];
    if (point < 0) break;
  }
  if (available[drawn] > 0) {
    return { intent: drawn, drawn, reason: `drew ${drawn} (${ratios[drawn]})` };
  }
  const fallback = [...ORDER].filter((i) => available[i] > 0)
    .sort((a, b) => ratios[b] - ratios[a] || ORDER.indexOf(a) - ORDER.indexOf(b))[0];
  if (!fallback) return { intent: null, drawn, reason: `drew ${drawn}; nothing to evolve` };
  return {
    intent: fallback,
    drawn,
    reason: `drew ${drawn}, which had nothing to work on; took ${fallback}`,
  };
}
