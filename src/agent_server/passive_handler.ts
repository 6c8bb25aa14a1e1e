import type { HookHandler, HookHandlerFactory } from "./hook_handler.ts";

/**
 * The handler of a build without a memory engine wired in: it answers every hook with
 * nothing (no injection, no learning) and logs the call at debug level, so the bridge runs
 * and fails open exactly as it will with the real AgentHost.
 *
 * @example
 * ```ts
 * const handler = await passiveHandlerFactory.create(deps);
 * await handler.handle("before_prompt_build", event, ctx); // undefined
 * ```
 */
export const passiveHandlerFactory: HookHandlerFactory = {
  label: "passive (no memory engine)",
  create: ({ log }) => {
    const handler: HookHandler = {
      handle: (hook) => {
        log.debug(`[lshml] hook ${hook} (passive handler: nothing to inject)`);
        return Promise.resolve(undefined);
      },
    };
    return Promise.resolve(handler);
  },
};
