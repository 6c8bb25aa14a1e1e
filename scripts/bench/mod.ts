/**
 * `deno task bench`: every benchmark, printed as numbers (DESIGN §8). Pass
 * `--json` for machine-readable results. Benchmarks that need the shared
 * evaluation data in ../shared/data say "skipped" when it is absent.
 *
 * @module
 */
import { runStartupBenchmark } from "./cli_startup.ts";
import { runStoreBenchmark } from "./store_ops.ts";

const json = Deno.args.includes("--json");
const results: Record<string, unknown> = {};

function say(text: string): void {
  if (!json) console.log(text);
}

say("lshml benchmarks (medians; this machine is shared, so compare ratios within one run)\n");

const startup = await runStartupBenchmark();
results.startup = startup;
say(
  `startup   lshml --help ${startup.helpMedianMs.toFixed(1)} ms (target <= 150); ` +
    `bare deno ${startup.denoEvalMedianMs.toFixed(1)} ms`,
);

const store = await runStoreBenchmark();
results.store = store;
say(
  `store     fsynced append ${store.appendMs.toFixed(3)} ms/op; ` +
    `locked atomic update ${store.updateMs.toFixed(3)} ms/op`,
);

if (json) console.log(JSON.stringify(results, null, 2));
