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

/** Options of `lshml cron`. */
export interface CronOptions {
  readonly every: string;
}

/** What `lshml cron` does once its flags are parsed (loaded only when it runs). */
export async function cronAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: CronOptions,
): Promise<void> {
  const every = Number(options.every);
  if (!Number.isInteger(every) || every < 1 || every > 59) {
    throw new UsageError(
      `--every takes a whole number of minutes from 1 to 59, got "${options.every}"`,
    );
  }
  const context = await loadContext(deps.cli, globals);
  const log = join(context.home.dir, "memory", "cron.log");
  const line = cronCommandLine(context).map(shellQuote).join(" ");
  deps.cli.io.out(`*/${every} * * * * ${line} >> ${shellQuote(log)} 2>&1`);
}
