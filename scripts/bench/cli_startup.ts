/**
 * How long `lshml --help` takes, end to end, under the local-only permission
 * set (`deno run -P main.ts --help`), next to a bare `deno eval 0` for scale.
 * Target (DESIGN §8): median ≤ 150 ms.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { median } from "./_stats.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

async function timeRuns(args: string[], runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    const out = await new Deno.Command(Deno.execPath(), {
      args,
      cwd: ROOT,
      stdout: "null",
      stderr: "null",
    })
      .output();
    if (!out.success) throw new Error(`deno ${args.join(" ")} failed`);
    if (i >= 2) times.push(performance.now() - start); // two warm-up runs fill Deno's caches
  }
  return times;
}

/** Result of the startup benchmark, in milliseconds. */
export interface StartupResult {
  readonly runs: number;
  readonly helpMedianMs: number;
  readonly denoEvalMedianMs: number;
}

export async function runStartupBenchmark(runs = 21): Promise<StartupResult> {
  const help = await timeRuns(["run", "-P", "main.ts", "--help"], runs);
  const bare = await timeRuns(["eval", "0"], runs);
  return { runs, helpMedianMs: median(help), denoEvalMedianMs: median(bare) };
}

if (import.meta.main) {
  const r = await runStartupBenchmark();
  console.log(
    `lshml --help: median ${r.helpMedianMs.toFixed(1)} ms over ${r.runs} runs ` +
      `(bare deno eval: ${r.denoEvalMedianMs.toFixed(1)} ms; target <= 150 ms)`,
  );
}
