import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** `lshml run`: one evolution cycle (cron-safe), `--review`, `--loop`, `--replay`. */
export function registerRunCommand(program: Command, deps: CommandDeps): void {
  program
    .command("run")
    .description("one evolution cycle: scan, check fixes, learn, pick and apply a fix, record it")
    .option("--review", "let a person approve the decision first (lshml review)")
    .option("--loop", "keep cycling with adaptive sleep; backs off while the machine is busy")
    .option("--replay <event>", "make a recorded decision again from its inputs and seed")
    .option("--source <path>", "sources to scan, as for lshml scan (repeatable)", collect)
    .option("--strategy <name>", "override EVOLVE_STRATEGY for this run")
    .option("--mode <mode>", "advise or execute (overrides evolve.mode)")
    .option("--seed <n>", "a fixed seed for the decision (it is recorded either way)")
    .option("--wait", "wait for a running cycle instead of exiting at once")
    .option("--json", "print JSON for machines")
    .addHelpText(
      "after",
      `
A cycle: read what is new (as lshml scan) → every watched fix with no
recurrence of its cluster gets a clean cycle (3 clean → PROVEN, recurrence
within 5 cycles → FAILED) → the knowledge base and k-NN predictor learn →
the strategy draws an intent → the best gene for the most pressing target is
chosen → advise (default: it becomes the cluster's active fix and a GEP prompt
is written to memory/gep/) or execute (evolve.executor applies it in
evolve.workspace, then solidify validates or rolls back) → an EvolutionEvent is
appended to assets/gep/events.jsonl.

Cron-safe: when another cycle is running it exits at once (exit 0).
Print a crontab line with: lshml cron

Examples:
  lshml run                          one cycle over the OpenClaw agents
  lshml run --review                 decide, but wait for lshml review --approve
  lshml run --loop                   keep going (Ctrl-C finishes the cycle and stops)
  lshml run --replay ev-000012       show that a past decision replays identically`,
    )
    .action(async (options, command) => {
      const { runAction } = await import("./run_action.ts");
      await runAction(deps, command.optsWithGlobals() as GlobalOptions, options);
    });
}
