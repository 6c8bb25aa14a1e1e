import type { Command } from "@commander-js/extra-typings";
import { decideReview, pendingReviews } from "../evolve/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type GlobalOptions, loadContext, requirePermissions } from "./context.ts";
import { EXIT } from "./exit_codes.ts";
import { formatTable, printJson } from "./output.ts";
import { executeContext } from "./run_command.ts";
import { UsageError } from "./usage_error.ts";

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
      const context = await loadContext(deps.cli, command.optsWithGlobals() as GlobalOptions);
      await requirePermissions(context, ["home"]);
      const { io } = deps.cli;
      if (options.approve && options.reject) {
        throw new UsageError("give either --approve or --reject, not both");
      }
      const id = options.approve ?? options.reject;
      if (!id) {
        const items = await pendingReviews(context.home.dir, deps.cli.now);
        if (options.json) printJson(io, { pending: items });
        else if (items.length === 0) io.out("nothing waiting for review");
        else {
          io.out(formatTable([
            ["ID", "CYCLE", "INTENT", "MODE", "CLUSTER", "GENE", "PLAN"],
            ...items.map((i) => [
              i.id,
              String(i.cycle),
              i.intent,
              i.mode,
              i.clusterId ?? "-",
              i.geneId,
              i.promptFile,
            ]),
          ]));
        }
        return;
      }
      const verdict = options.approve ? "approve" : "reject";
      if (verdict === "approve" && context.effective.config.evolve.mode === "execute") {
        await requirePermissions(context, ["execute", "git"]);
      }
      let result;
      try {
        result = await decideReview({
          home: context.home.dir,
          id,
          verdict,
          config: context.effective.config,
          now: deps.cli.now,
          ...executeContext(context),
        });
      } catch (error) {
        if (error instanceof RangeError) throw new UsageError(error.message);
        throw error;
      }
      const status = result.event.outcome.status;
      deps.setExit(status === "rolled_back" ? EXIT.failure : EXIT.ok);
      if (options.json) {
        printJson(io, result);
        return;
      }
      io.out(`${id}: ${status} (event ${result.event.id})`);
      for (const reason of result.execute?.reasons ?? []) io.out(`  ${reason}`);
    });
}
