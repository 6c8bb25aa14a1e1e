import { appendFile, copyFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config/mod.ts";
import type { Embedder } from "../embed/mod.ts";
import { type CycleResult, runCycle } from "../evolve/mod.ts";
import { logFileSource, openclawSources } from "../signals/mod.ts";

/**
 * The demo's script: what the simulated agent logs before each cycle. Cycle 1
 * reads the bundled sample (a real OpenClaw store and a gateway log); then the
 * model's rate limit (one failure of the sample) keeps coming back — twice
 * before cycle 2, once more before cycle 4 — while the missing-file failure of
 * the sample never returns. So the missing-file fix of cycle 1 is proven after
 * three clean cycles, and the rate-limit fix of cycle 2 fails when its error
 * recurs within five cycles, and a different gene is tried.
 */
const SCRIPT: readonly (readonly string[])[] = [
  [],
  [
    "ERROR model request failed: 429 Too Many Requests (retry after 20s)",
    "ERROR model request failed: 429 Too Many Requests (retry after 45s)",
  ],
  [],
  ["ERROR model request failed: 429 Too Many Requests (retry after 30s)"],
  [],
];

/** The demo's inputs. */
export interface DemoOptions {
  /** A fresh demo home. */
  readonly home: string;
  /** The bundled `samples/` folder. */
  readonly samples: string;
  /** The configuration; the demo pins the strategy (repair-only) and advise mode. */
  readonly config: Config;
  readonly now: () => Date;
  readonly embedder: Embedder;
  /** Called after each cycle. */
  readonly onCycle?: (result: CycleResult, appended: readonly string[]) => void;
}

/** What became of one fix during the demo. */
export interface FixStory {
  readonly eventId: string;
  readonly clusterId: string;
  readonly geneId: string;
  readonly appliedCycle: number;
  readonly outcome: "proven" | "failed" | null;
  readonly outcomeCycle: number | null;
}

/**
 * Runs the demo: five real evolution cycles in the demo home over the bundled
 * sample and a simulated agent log ({@link SCRIPT}), and returns every cycle's
 * result and the story of each fix.
 */
export async function runDemo(options: DemoOptions): Promise<{
  cycles: CycleResult[];
  fixes: FixStory[];
}> {
  const log = join(options.home, "demo-agent.log");
  await copyFile(join(options.samples, "logs", "gateway.log"), log);
  const readers = [
    ...await openclawSources(join(options.samples, "openclaw")),
    logFileSource(log),
  ];
  const config: Config = {
    ...options.config,
    evolve: { ...options.config.evolve, strategy: "repair-only", mode: "advise" },
  };
  const cycles: CycleResult[] = [];
  const fixes = new Map<string, FixStory>();
  for (const [i, lines] of SCRIPT.entries()) {
    const stamp = options.now().toISOString();
    const appended = lines.map((line) => `${stamp} ${line}`);
    if (appended.length > 0) await appendFile(log, `${appended.join("\n")}\n`);
    const result = await runCycle({
      home: options.home,
      config,
      readers,
      now: options.now,
      embedder: options.embedder,
      review: false,
      seed: 1000 + i,
      wait: true,
    });
    cycles.push(result);
    if (result.status !== "ran") continue;
    for (const outcome of result.outcomes) {
      const story = fixes.get(outcome.eventId);
      if (story) {
        fixes.set(outcome.eventId, {
          ...story,
          outcome: outcome.status,
          outcomeCycle: result.cycle,
        });
      }
    }
    if (result.event?.outcome.status === "advised" && result.decision.gene) {
      fixes.set(result.event.id, {
        eventId: result.event.id,
        clusterId: result.event.cluster_id ?? "",
        geneId: result.decision.gene.id,
        appliedCycle: result.cycle,
        outcome: null,
        outcomeCycle: null,
      });
    }
    options.onCycle?.(result, appended);
  }
  return { cycles, fixes: [...fixes.values()] };
}
