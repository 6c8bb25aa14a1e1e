import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

/** `lshml dashboard` (and `lshml --dashboard`): the local web dashboard. */
export function registerDashboardCommand(program: Command, deps: CommandDeps): void {
  program
    .command("dashboard")
    .description("the local web dashboard: is the engine getting smarter? (127.0.0.1:8420)")
    .option("--port <n>", "port to serve on (LSHML_DASHBOARD_PORT, default 8420)")
    .option("--host <address>", "address to bind (LSHML_DASHBOARD_HOST); not loopback → token")
    .option("--open", "open the page in the default browser")
    .addHelpText(
      "after",
      `
Shows the feedback loop (active / proven / failed fixes over time), the
predictor's training (examples, leave-one-out accuracy), the knowledge base,
error clusters, episodic memories (search, forget), the evolution log (verify
hashes, capsules, diffs), the review queue (approve / reject, as lshml review)
and the effective settings. It updates live while cycles run.

When your home has no cycles yet but \`lshml demo\` has run, the page opens on
the demo home (<home>/memory/demo); switch homes at the top of the page.

Bound to 127.0.0.1 it answers only this machine. Any other address needs a
token: it is generated on the first start, shown once, and kept in
<home>/memory/dashboard-token (mode 0600).

Examples:
  lshml dashboard                    http://127.0.0.1:8420
  lshml dashboard --port 9000        another port (grant it: --allow-net=127.0.0.1:9000)
  lshml --dashboard                  the seed's spelling`,
    )
    .action(async (options, command) => {
      const { dashboardAction } = await import("./dashboard_action.ts");
      await dashboardAction(deps, command.optsWithGlobals() as GlobalOptions, options);
    });
}
