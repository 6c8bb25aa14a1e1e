import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

/** Options of `lshml clusters` that its subcommands read too (`clusters show ID --json`). */
type ClustersOptions = GlobalOptions & { json?: boolean; limit?: string };

/** `lshml clusters [list|show ID|assign]`. */
export function registerClustersCommand(program: Command, deps: CommandDeps): void {
  const clusters = program
    .command("clusters")
    .description("list, show and assign error clusters")
    .option("--json", "print JSON for machines")
    .option("--limit <n>", "show at most N clusters", "50")
    .addHelpText(
      "after",
      `
Examples:
  lshml clusters                        the clusters, most frequent first
  lshml clusters show c1dm7hdqgnid      one cluster: template, examples, history
  cut -f3 errors.tsv | lshml clusters assign > ids.txt
                                        one cluster id per input line, in order`,
    )
    .action(async (options, command) => {
      const { clustersListAction } = await import("./clusters_action.ts");
      await clustersListAction(deps, command.optsWithGlobals() as GlobalOptions, {
        json: options.json === true,
        limit: Number(options.limit),
      });
    });

  clusters
    .command("list")
    .description("the clusters, most frequent first")
    .action(async (_options, command) => {
      const opts = command.optsWithGlobals() as ClustersOptions;
      const { clustersListAction } = await import("./clusters_action.ts");
      await clustersListAction(deps, opts, {
        json: opts.json === true,
        limit: Number(opts.limit ?? 50),
      });
    });

  clusters
    .command("show")
    .description("one cluster: template, counts, history and examples")
    .argument("<id>", "a cluster id (merged ids are followed)")
    .action(async (id, _options, command) => {
      const opts = command.optsWithGlobals() as ClustersOptions;
      const { clustersShowAction } = await import("./clusters_action.ts");
      await clustersShowAction(deps, opts, { id, json: opts.json === true });
    });

  clusters
    .command("assign")
    .description("read lines on stdin, print one cluster id per line in order (learns into --home)")
    .action(async (_options, command) => {
      const opts = command.optsWithGlobals() as ClustersOptions;
      const { clustersAssignAction } = await import("./clusters_action.ts");
      await clustersAssignAction(deps, opts, { json: opts.json === true });
    });
}
