import { Command, CommanderError } from "@commander-js/extra-typings";
import { VERSION } from "../version.ts";
import type { CliEnvironment } from "./cli_env.ts";
import type { CommandDeps } from "./command_deps.ts";
import { registerConfigCommand } from "./config_command.ts";
import { registerDemoCommand } from "./demo_command.ts";
import { registerDoctorCommand } from "./doctor_command.ts";
import { reportError } from "./error_exit.ts";
import { EXIT, type ExitCode } from "./exit_codes.ts";
import { registerSandboxCommand } from "./sandbox_command.ts";
import { registerScanCommand } from "./scan_command.ts";
import { registerClustersCommand } from "./clusters_command.ts";
import { registerCronCommand } from "./cron_command.ts";
import { registerDashboardCommand } from "./dashboard_command.ts";
import { registerEventsCommand } from "./events_command.ts";
import { registerHubCommand } from "./hub_command.ts";
import { registerMemoryCommand } from "./memory_command.ts";
import { registerReviewCommand } from "./review_command.ts";
import { registerRunCommand } from "./run_command.ts";
import { registerSolidifyCommand } from "./solidify_command.ts";
import { registerAgentCommand } from "./agent_command.ts";
import { registerPluginCommand } from "./plugin_command.ts";

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/**
 * Builds the `lshml` command tree. Commands register themselves; this file only wires.
 *
 * Each `<name>_command.ts` holds only its command's definition (options, help text, argument
 * parsing) and imports its `<name>_action.ts` only when the command runs, so building the tree
 * (`--help` included) loads none of the commands' implementations.
 */
export function buildProgram(deps: CommandDeps): Command {
  const program = new Command()
    .name("lshml")
    .description(
      "Local Self-Healing Machine Learning for OpenClaw agents: finds recurring failures, " +
        "learns which fixes hold, and keeps an episodic memory — all on this machine.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .option("--home <dir>", "home directory for data and config.json (env LSHML_HOME)")
    .option("--set <key=value>", "override a setting, e.g. --set runtime.learnMode=all", collect)
    .showSuggestionAfterError(true)
    .configureHelp({ helpWidth: 100 })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => deps.cli.io.out(text.replace(/\n$/, "")),
      writeErr: (text) => deps.cli.io.err(text.replace(/\n$/, "")),
    })
    .addHelpText(
      "after",
      `
Quick start:
  lshml doctor        is everything in place? (home, data files, sandbox, Ollama)
  lshml config        every setting, its value and where it came from
  lshml demo          a dry run over the bundled sample

Run \`lshml <command> --help\` for a command's options and examples.`,
    );
  registerRunCommand(program, deps);
  registerReviewCommand(program, deps);
  registerScanCommand(program, deps);
  registerClustersCommand(program, deps);
  registerDoctorCommand(program, deps);
  registerConfigCommand(program, deps);
  registerSandboxCommand(program, deps);
  registerEventsCommand(program, deps);
  registerSolidifyCommand(program, deps);
  registerCronCommand(program, deps);
  registerDemoCommand(program, deps);
  registerMemoryCommand(program, deps);
  registerHubCommand(program, deps);
  registerDashboardCommand(program, deps);
  registerAgentCommand(program, deps);
  registerPluginCommand(program, deps);
  return program;
}

/** Options (global or of `run`) that take a value, so their value is not taken for a command. */
const VALUE_OPTIONS = new Set([
  "--home",
  "--set",
  "--source",
  "--strategy",
  "--mode",
  "--seed",
  "--replay",
  "--port",
  "--host",
]);
/** The seeds' flags that mean `lshml run …` when no command is given. */
const RUN_FLAGS = new Set(["--review", "--loop"]);
/** The seed's flag that means `lshml dashboard` when no command is given. */
const DASHBOARD_FLAG = "--dashboard";

/**
 * The seeds' entry points on the default command: `lshml --review` is
 * `lshml run --review`, `lshml --loop` is `lshml run --loop`, `lshml --dashboard`
 * is `lshml dashboard`.
 */
export function withDefaultCommand(args: readonly string[]): string[] {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (VALUE_OPTIONS.has(arg)) {
      i++;
      continue;
    }
    if (!arg.startsWith("-")) return [...args]; // a command was given
  }
  const dashboard = args.indexOf(DASHBOARD_FLAG);
  if (dashboard >= 0) {
    return [...args.slice(0, dashboard), "dashboard", ...args.slice(dashboard + 1)];
  }
  const at = args.findIndex((a) => RUN_FLAGS.has(a));
  return at < 0 ? [...args] : [...args.slice(0, at), "run", ...args.slice(at)];
}

/**
 * Runs the CLI and returns the exit code; `main.ts` is the only place that exits.
 *
 * @example
 * ```ts
 * const code = await runCli(cliEnvironment);
 * ```
 */
export async function runCli(cli: CliEnvironment): Promise<ExitCode> {
  let exit: ExitCode = EXIT.ok;
  const program = buildProgram({ cli, setExit: (code) => (exit = code) });
  if (cli.args.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    await program.parseAsync(withDefaultCommand(cli.args), { from: "user" });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help / version).
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(cli.io, error, cli.args.includes("--json"));
  }
}
