import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

/** `lshml sandbox` and `lshml sandbox probe URL`. */
export function registerSandboxCommand(program: Command, deps: CommandDeps): void {
  const sandbox = program
    .command("sandbox")
    .description("show the permissions lshml needs and holds; probe what it can reach")
    .option("--json", "print JSON for machines")
    .addHelpText(
      "after",
      `
By default lshml may only reach loopback (the dashboard and a local Ollama),
read and write its home, and read the OpenClaw state directory.

Examples:
  lshml sandbox                            needs, grants, gaps and the exact flags
  lshml sandbox probe https://example.com  show that the sandbox refuses it`,
    )
    .action(async (options, command) => {
      const { sandboxAction } = await import("./sandbox_action.ts");
      await sandboxAction(deps, command.optsWithGlobals() as GlobalOptions, {
        json: options.json === true,
      });
    });

  sandbox
    .command("probe")
    .description("try to reach a URL under the current permissions")
    .argument("<url>", "an http(s) URL")
    .action(async (url, _options, command) => {
      // `--json` after `probe` is parsed by the parent `sandbox` command; either asks for JSON.
      const json = (command.optsWithGlobals() as { json?: boolean }).json === true;
      const { sandboxProbeAction } = await import("./sandbox_action.ts");
      await sandboxProbeAction(deps, { url, json });
    });
}
