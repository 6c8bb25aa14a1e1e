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

/** Options of `lshml agent serve`, and what answers the hooks unless `--echo` is given. */
export interface AgentServeOptions {
  readonly stdio?: boolean;
  readonly echo?: boolean;
  readonly handlerFactory: HookHandlerFactory;
}

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
 * `lshml agent serve --stdio`: speaks the plugin protocol until stdin closes (loaded only when
 * it runs).
 */
export async function agentServeAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: AgentServeOptions,
): Promise<void> {
  if (!options.stdio) {
    throw new UsageError(
      "`lshml agent serve` needs --stdio (the only transport; the OpenClaw plugin uses it)",
    );
  }
  const { cli } = deps;
  const factory = options.echo ? echoHandlerFactory : options.handlerFactory;
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
}
