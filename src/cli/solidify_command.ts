import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

/** `lshml solidify`: check a change an external agent made, by hand. */
export function registerSolidifyCommand(program: Command, deps: CommandDeps): void {
  program
    .command("solidify")
    .description("check a change an agent made from a GEP prompt: limits, paths, ethics, checks")
    .option("--workspace <dir>", "the git work tree (default evolve.workspace)")
    .option("--gene <id>", "whose constraints apply (default: the newest watched fix's gene)")
    .option("--since <rev>", "measure from this commit", "HEAD")
    .option("--record", "when it passes, record a capsule and an evolution event")
    .option("--json", "print JSON for machines")
    .addHelpText(
      "after",
      `
Measures everything since --since (your own uncommitted changes count too: with
no snapshot from before, they cannot be told apart), checks it against the
gene's limits and the hard caps (evolve.maxFiles, evolve.maxLines), the
protected paths and the ethics rules, then runs the gene's checks and
evolve.validate and evolve.canary. It never rolls anything back. Exit 0 when the
change passes, 1 when it does not.

Examples:
  lshml solidify --workspace ~/app --gene gene_missing_resource_verify_path
  lshml solidify --record`,
    )
    .action(async (options, command) => {
      const { solidifyAction } = await import("./solidify_action.ts");
      await solidifyAction(deps, command.optsWithGlobals() as GlobalOptions, options);
    });
}
