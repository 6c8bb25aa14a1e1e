import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

/** `lshml review [--approve ID | --reject ID]`: the decisions waiting for a person. */
export function registerReviewCommand(program: Command, deps: CommandDeps): void {
  program
    .command("review")
    .description("list evolutions waiting for approval (lshml run --review); approve or reject one")
    .option("--approve <id>", "apply a pending evolution (advise: watch it; execute: run it now)")
    .option("--reject <id>", "drop a pending evolution")
    .option("--json", "print JSON for machines")
    .addHelpText(
      "after",
      `
Each item's GEP prompt (the plan) is in memory/gep/<id>.md; read it before you
approve. Approving or rejecting appends an event to the audit trail.

Examples:
  lshml review                      what is waiting
  lshml review --approve ev-000012  apply it
  lshml review --reject ev-000012   drop it`,
    )
    .action(async (options, command) => {
      const { reviewAction } = await import("./review_action.ts");
      await reviewAction(deps, command.optsWithGlobals() as GlobalOptions, options);
    });
}
