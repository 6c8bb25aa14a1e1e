import type { Command } from "@commander-js/extra-typings";
import {
  echoHandlerFactory,
  type HookHandlerFactory,
  openAgentEngine,
  serveStdio,
} from "../agent_server/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type GlobalOptions, parseSetFlag } from "./context.ts";
import { EXIT } from "./exit_codes.ts";
import { UsageError } from "./usage_error.ts";

/**
 * What `lshml agent serve` answers the hooks with: the agent engine (episodic memory, learning,
 * live healing; `src/agent_engine`). Loaded when the plugin's `init` arrives, so `lshml --help`
 * does not pay for it.
 */
export const DEFAULT_HOOK_HANDLER: HookHandlerFactory = {
  label: "memory",
  async create(deps) {
    const { memoryHandlerFactory } = await import("../agent_engine/mod.ts");
    return await memoryHandlerFactory().create(deps);
  },
};

/**
 * While serving, stdout carries only protocol lines: anything printed with `console.log`
 * (a stray debug line, a library) goes to stderr instead, which the plugin logs as a
 * warning. Returns the function that restores the console.
 */
function protectStdout(): () => void {
  const original = { log: console.log, info: console.info, debug: console.debug };
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  return () => Object.assign(console, original);
}

/**
 * `lshml agent serve --stdio`: the engine process the OpenClaw plugin starts. The factory
 * decides what answers the hooks (see {@link DEFAULT_HOOK_HANDLER}); `--echo` replaces it by
 * the transport test handler, for the end-to-end tests of the bridge.
 */
export function registerAgentCommand(
  program: Command,
  deps: CommandDeps,
  handlerFactory: HookHandlerFactory = DEFAULT_HOOK_HANDLER,
): void {
  const agent = program
    .command("agent")
    .description("the engine side of the OpenClaw plugin");
  agent
    .command("serve")
    .description("answer the OpenClaw plugin's hooks (newline-delimited JSON on stdin/stdout)")
    .option("--stdio", "speak the plugin protocol on stdin/stdout (the only transport)")
    .option(
      "--echo",
      "bridge test: answer with a fixed <lshml-memories> block that echoes what arrived, " +
        "instead of the memory engine",
    )
    .addHelpText(
      "after",
      `
The OpenClaw plugin starts this itself (deno run -P …/main.ts agent serve --stdio);
you do not run it by hand. Stdout carries protocol lines only; logs go to the plugin.`,
    )
    .action(async (options, command) => {
      if (!options.stdio) {
        throw new UsageError(
          "`lshml agent serve` needs --stdio (the only transport; the OpenClaw plugin uses it)",
        );
      }
      const globals = command.optsWithGlobals() as GlobalOptions;
      const { cli } = deps;
      const factory = options.echo ? echoHandlerFactory : handlerFactory;
      const flags = (globals.set ?? []).map(parseSetFlag);
      const restore = protectStdout();
      try {
        const summary = await serveStdio({
          readable: Deno.stdin.readable,
          writable: Deno.stdout.writable,
          open: (init, log) =>
            openAgentEngine(init, log, {
              env: cli.env,
              cwd: cli.cwd,
              checkoutDir: cli.checkoutDir,
              homeFlag: globals.home,
              flags,
              query: cli.query,
              invocation: {
                compiled: cli.runtime.compiled,
                ...(cli.mainModule ? { mainModule: cli.mainModule } : {}),
                args: cli.args,
              },
              factory,
              now: cli.now,
            }),
        });
        if (!summary.initialized) deps.setExit(EXIT.failure);
      } finally {
        restore();
      }
    });
}
