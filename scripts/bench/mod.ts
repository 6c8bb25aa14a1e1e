/**
 * `deno task bench`: every benchmark, printed as numbers (DESIGN §8). Pass
 * `--json` for machine-readable results, `--quick` for smaller inputs, `--hub`
 * to add the team hub's (100k shared triplets on SQLite and, when a PostgreSQL
 * server can be started, PostgreSQL: about eight minutes; alone:
 * `deno run -A scripts/bench/hub.ts`). Benchmarks that need the shared
 * evaluation data in ../shared/data say "skipped" when it is absent. The plugin's
 * per-turn overhead is measured in a real OpenClaw by `deno task test:e2e`
 * (test-output/openclaw-*overhead.json).
 *
 * @module
 */
import { runStartupBenchmark } from "./cli_startup.ts";
import {
  assignWithCli,
  assignWithMiner,
  formatClusterBenchmark,
  runClusterBenchmark,
} from "./cluster_ga.ts";
import { formatLearningReport, runLearningBenchmark } from "./learning.ts";
import { formatHubBenchmark, runHubBenchmark } from "./hub.ts";
import { formatLocomoReport, runLocomoBenchmark } from "./locomo_recall.ts";
import { formatMemoryReport, runMemoryBenchmark } from "./memory_recall.ts";
import { formatExtraction, runExtractionBenchmark } from "./signal_extraction.ts";
import { runStoreBenchmark } from "./store_ops.ts";

const json = Deno.args.includes("--json");
const quick = Deno.args.includes("--quick");
const hub = Deno.args.includes("--hub");
const results: Record<string, unknown> = {};

function say(text: string): void {
  if (!json) console.log(text);
}

say("lshml benchmarks (medians; this machine is shared, so compare ratios within one run)\n");

const startup = await runStartupBenchmark(quick ? 7 : 21);
results.startup = startup;
say(
  `startup   lshml --help ${startup.helpMedianMs.toFixed(1)} ms (target <= 150); ` +
    `bare deno ${startup.denoEvalMedianMs.toFixed(1)} ms`,
);

const store = await runStoreBenchmark(quick ? 100 : 500);
results.store = store;
say(
  `store     fsynced append ${store.appendMs.toFixed(3)} ms/op; ` +
    `locked atomic update ${store.updateMs.toFixed(3)} ms/op`,
);

const extraction = await runExtractionBenchmark(quick ? 20 : 100);
results.extraction = extraction;
say(formatExtraction(extraction));

say("\nclustering through `lshml clusters assign` (one process per system, start-up included):");
const clusteringCli = await runClusterBenchmark({ assign: assignWithCli, repeat: 1 });
results.clusteringCli = clusteringCli;
say(formatClusterBenchmark(clusteringCli));
say("\nclustering engine alone (in process, median of 3 passes):");
const clustering = await runClusterBenchmark({ assign: assignWithMiner, repeat: 3 });
results.clustering = clustering;
say(formatClusterBenchmark(clustering));

say("\nlearning: which fixes get proven, lshml's selection against random (simulated world):");
const learning = runLearningBenchmark({});
results.learning = learning;
say(formatLearningReport(learning));

say("\nmemory recall on LoCoMo (local embedder, no model):");
const locomo = await runLocomoBenchmark({});
results.locomo = locomo;
say(formatLocomoReport(locomo));

say("\nepisodic memory: recall + rank, load, learning steps (generated memories):");
const memory = await runMemoryBenchmark(
  quick ? { sizes: [2_000, 10_000], loadSize: 10_000, queries: 100, adds: 50 } : {},
);
results.memory = memory;
say(formatMemoryReport(memory));

if (hub) {
  say("\nteam hub: search and ingest over HTTP (SQLite, PostgreSQL):");
  const hubResult = await runHubBenchmark(quick ? { size: 10_000, queries: 100 } : {});
  results.hub = hubResult;
  say(formatHubBenchmark(hubResult));
}

if (json) console.log(JSON.stringify(results, null, 2));
