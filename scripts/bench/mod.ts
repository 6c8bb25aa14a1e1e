/**
 * `deno task bench`: every benchmark, printed as numbers (DESIGN §8). Pass
 * `--json` for machine-readable results, `--quick` for smaller inputs.
 * Benchmarks that need the shared evaluation data in ../shared/data say
 * "skipped" when it is absent.
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
import { formatLocomoReport, runLocomoBenchmark } from "./locomo_recall.ts";
import { formatExtraction, runExtractionBenchmark } from "./signal_extraction.ts";
import { runStoreBenchmark } from "./store_ops.ts";

const json = Deno.args.includes("--json");
const quick = Deno.args.includes("--quick");
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

if (json) console.log(JSON.stringify(results, null, 2));
