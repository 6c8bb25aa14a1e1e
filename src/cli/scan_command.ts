import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** `lshml scan`: read what the agent did since the last scan; signals and clusters. */
export function registerScanCommand(program: Command, deps: CommandDeps): void {
  program
    .command("scan")
    .description("read new agent history: find failures and requests, cluster recurring errors")
    .option(
      "--source <path>",
      "OpenClaw state dir, folder, .sqlite/.jsonl/log file, or - for stdin (repeatable)",
      collect,
    )
    .option("--json", "print the scan report as JSON")
    .option("--signals", "print every signal as a JSON line instead of the report")
    .addHelpText(
      "after",
      `
Without --source, reads every agent under the OpenClaw state directory
(openclaw.stateDir, env OPENCLAW_STATE_DIR, default ~/.openclaw). Each event is
read once: a second scan reads only what is new.

Examples:
  lshml scan                                  the OpenClaw agents
  lshml scan --source samples/openclaw        a copy of a state directory
  lshml scan --source /var/log/gateway.log    a plain log
  journalctl -u openclaw | lshml scan --source -`,
    )
    .action(async (options, command) => {
      const { scanAction } = await import("./scan_action.ts");
      await scanAction(deps, command.optsWithGlobals() as GlobalOptions, options);
    });
}
