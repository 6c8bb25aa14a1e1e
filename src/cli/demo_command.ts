import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

/** `lshml demo`: a fresh demo home, the doctor, and real cycles over the bundled sample. */
export function registerDemoCommand(program: Command, deps: CommandDeps): void {
  program
    .command("demo")
    .description("watch lshml learn: real cycles over the bundled sample, in a throw-away home")
    .option("--json", "print JSON for machines")
    .addHelpText(
      "after",
      `
The demo home is <home>/memory/demo; it is recreated on every run. Cycle 1
reads samples/openclaw (a store written by a real OpenClaw 2026.9, in four
languages) and samples/logs; then a simulated agent log keeps the model's rate
limit coming back while the missing-file error stays away. You see a fix go
active → proven and another go active → failed, and a new gene tried.`,
    )
    .action(async (options, command) => {
      const { demoAction } = await import("./demo_action.ts");
      await demoAction(deps, command.optsWithGlobals() as GlobalOptions, options);
    });
}
