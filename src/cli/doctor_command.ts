import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

/** `lshml doctor`: the home, data files, sandbox, Ollama and OpenClaw, and a verdict. */
export function registerDoctorCommand(program: Command, deps: CommandDeps): void {
  program
    .command("doctor")
    .description("check the home, data files, sandbox, Ollama and OpenClaw; exit 1 if broken")
    .option("--json", "print JSON for machines")
    .addHelpText(
      "after",
      `
Reads only; never changes a file. Exit codes: 0 fine, 1 problems found,
2 invalid configuration, 3 a needed permission is missing.

Examples:
  lshml doctor                 human-readable report
  lshml doctor --json | jq .ok`,
    )
    .action(async (options, command) => {
      const { doctorAction } = await import("./doctor_action.ts");
      await doctorAction(deps, command.optsWithGlobals() as GlobalOptions, options);
    });
}
