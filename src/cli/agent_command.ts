import type { Command } from "@commander-js/extra-typings";
import type { HookHandlerFactory } from "../agent_server/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

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
      const { agentServeAction } = await import("./agent_action.ts");
      await agentServeAction(deps, command.optsWithGlobals() as GlobalOptions, {
        ...options,
        handlerFactory,
      });
    });
}
