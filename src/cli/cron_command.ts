import type { Command } from "@commander-js/extra-typings";
import { join } from "node:path";
import { denoFlags, shellQuote } from "../sandbox/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type CommandContext, type GlobalOptions, loadContext } from "./context.ts";
import { UsageError } from "./usage_error.ts";

/** The command line cron should run for one cycle of this install, home and configuration. */
export function cronCommandLine(context: CommandContext): string[] {
  const { cli, home } = context;
  const homeArgs = ["--home", home.dir];
  if (cli.runtime.compiled) return [cli.execPath, ...homeArgs, "run"];
  return [
    cli.execPath,
    "run",
    "--quiet",
    ...denoFlags(context.needs),
    cli.mainModule ?? "main.ts",
    ...homeArgs,
    "run",
  ];
}

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
      const every = Number(options.every);
      if (!Number.isInteger(every) || every < 1 || every > 59) {
        throw new UsageError(
          `--every takes a whole number of minutes from 1 to 59, got "${options.every}"`,
        );
      }
      const context = await loadContext(deps.cli, command.optsWithGlobals() as GlobalOptions);
      const log = join(context.home.dir, "memory", "cron.log");
      const line = cronCommandLine(context).map(shellQuote).join(" ");
      deps.cli.io.out(`*/${every} * * * * ${line} >> ${shellQuote(log)} 2>&1`);
    });
}
