import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

/** Where the plugin folder goes unless `--dir` says otherwise, under the lshml home. */
const DEFAULT_FOLDER = "openclaw-plugin";

/** `lshml plugin install [--dir DIR] [--yes] [--json]`. */
export function registerPluginCommand(program: Command, deps: CommandDeps): void {
  const plugin = program
    .command("plugin")
    .description("the OpenClaw plugin of this lshml");
  plugin
    .command("install")
    .description("write an OpenClaw plugin folder that runs this lshml as its engine, and link it")
    .option("--dir <dir>", `where to write it (default: <home>/${DEFAULT_FOLDER})`)
    .option("--yes", "also run the `openclaw` commands that link and enable it")
    .option("--json", "print JSON for machines")
    .addHelpText(
      "after",
      `
The folder holds the manifest, the plugin's modules and lshml-engine.json, which
names this binary (or this checkout and deno) as the engine and this home as its
data directory. Without --yes, the openclaw commands to run are printed.

Examples:
  lshml plugin install               write ~/.lshml/${DEFAULT_FOLDER}, print the link commands
  lshml plugin install --yes         … and run them (openclaw must be on PATH)`,
    )
    .action(async (options, command) => {
      const { pluginInstallAction } = await import("./plugin_action.ts");
      await pluginInstallAction(deps, command.optsWithGlobals() as GlobalOptions, {
        ...options,
        defaultFolder: DEFAULT_FOLDER,
      });
    });
}
