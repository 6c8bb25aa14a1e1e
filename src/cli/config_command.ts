import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

/** `lshml config [key]`: the effective configuration, with the source of every value. */
export function registerConfigCommand(program: Command, deps: CommandDeps): void {
  program
    .command("config")
    .description("show the effective configuration and where each value came from")
    .argument("[key]", "show one setting in detail, e.g. runtime.learnMode")
    .option("--json", "print JSON for machines")
    .addHelpText(
      "after",
      `
Precedence: flags (--set key=value) > environment > <home>/config.json > defaults.

Examples:
  lshml config                          every setting, its value and its source
  lshml config evolve.strategy          one setting: value, source, env name, allowed values
  EVOLVE_STRATEGY=harden lshml config   see an environment variable take effect
  lshml --set retrieval.tau=0.8 config  see a flag take effect`,
    )
    .action(async (key, options, command) => {
      const { configAction } = await import("./config_action.ts");
      await configAction(deps, command.optsWithGlobals() as GlobalOptions, { key, ...options });
    });
}
