import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

/** `lshml cron [--every N]`: a ready crontab line for the current install. */
export function registerCronCommand(program: Command, deps: CommandDeps): void {
  program
    .command("cron")
    .description("print a crontab line that runs one cycle every N minutes (cron-safe)")
    .option("--every <minutes>", "minutes between cycles, 1 to 59", "15")
    .addHelpText(
      "after",
      `
The line runs \`lshml run\` with the exact permissions this configuration needs,
for this home, and appends its output to memory/cron.log. Overlapping runs are
safe: a cycle that finds another one running exits at once.

Install it with:  (crontab -l; lshml cron) | crontab -`,
    )
    .action(async (options, command) => {
      const { cronAction } = await import("./cron_action.ts");
      await cronAction(deps, command.optsWithGlobals() as GlobalOptions, options);
    });
}
