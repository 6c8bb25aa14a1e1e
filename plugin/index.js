// @ts-check
/**
 * lshml's OpenClaw entry (DESIGN §6.7): a dependency-free ES module that forwards
 * `before_prompt_build`, `agent_end`, `llm_output` and `after_tool_call` to the lshml
 * engine, a Deno process speaking newline-delimited JSON over stdio (see bridge.js).
 *
 * OpenClaw calls `register` several times per process (once in "full" mode, then in
 * "discovery" mode) and imports a fresh copy of this module each time, so the one engine
 * per process lives on `globalThis[Symbol.for("lshml.engine")]`, not in a module variable.
 *
 * @module
 */
import { dirname } from "node:path";
import { Bridge } from "./bridge.js";
import { AWAITED_HOOKS, NOTIFIED_HOOKS } from "./hooks.js";

/** Where the process-wide bridge lives; shared by every copy of this module. */
export const BRIDGE_KEY = Symbol.for("lshml.engine");

/**
 * Bumped when the bridge's shape changes, so a reloaded plugin never drives an older
 * copy's bridge.
 */
const BRIDGE_REVISION = 1;

/**
 * @typedef {object} PluginApi the part of OpenClaw's plugin api this entry uses
 * @property {string} [registrationMode] "full" | "discovery" | …
 * @property {string} [rootDir] the plugin folder (the original, not the imported copy)
 * @property {string} [source] the entry file in the plugin folder
 * @property {string} [version]
 * @property {unknown} [pluginConfig] plugins.entries.lshml.config
 * @property {import("./bridge.js").Logger} logger
 * @property {(hook: string, handler: (event: unknown, ctx: unknown) => unknown) => void} on
 */

/**
 * The bridge of this process, created on first use.
 *
 * @param {string} version
 * @returns {Bridge}
 */
function processBridge(version) {
  const slots = /** @type {Record<symbol, { bridge: Bridge, revision: number } | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  const slot = slots[BRIDGE_KEY];
  if (slot && slot.revision === BRIDGE_REVISION) return slot.bridge;
  slot?.bridge.stop();
  const bridge = new Bridge({ version });
  slots[BRIDGE_KEY] = { bridge, revision: BRIDGE_REVISION };
  // The engine drains what it was sent when its input closes; nothing to wait for here.
  process.once("exit", () => bridge.stop());
  return bridge;
}

export default {
  id: "lshml",
  name: "lshml",
  description:
    "Local self-healing ML for OpenClaw agents: learns which past experiences help and " +
    "injects them as memories; runs on this machine, in Deno's sandbox.",
  /** @param {PluginApi} api */
  register(api) {
    const bridge = processBridge(api.version ?? "unknown");
    const full = api.registrationMode === undefined ||
      api.registrationMode === "full";
    if (full) {
      const rootDir = api.rootDir ??
        (api.source ? dirname(api.source) : undefined);
      bridge.configure({
        pluginConfig: api.pluginConfig,
        rootDir,
        logger: api.logger,
      });
      bridge.startSoon();
    }
    for (const hook of AWAITED_HOOKS) {
      api.on(hook, (event, ctx) => bridge.request(hook, event, ctx));
    }
    for (const hook of NOTIFIED_HOOKS) {
      api.on(hook, (event, ctx) => {
        bridge.notify(hook, event, ctx);
      });
    }
  },
};
