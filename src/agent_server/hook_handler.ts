import type { EffectiveConfig, Home } from "../config/mod.ts";
import type { HookName, LogLevel } from "./protocol.ts";

/**
 * Where engine code logs. Lines reach OpenClaw's log through the plugin's `api.logger`,
 * so they keep the seed's vocabulary (`lshml: initialized …`, `[lshml] phase-a candidates=N`).
 * Info lines logged while a hook is handled travel with its response; the other levels are
 * sent at once.
 */
export interface Logger {
  debug(line: string): void;
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/**
 * The engine side of the bridge: one call per forwarded OpenClaw hook, with OpenClaw's own
 * `(event, ctx)` (bounded by the plugin: see `plugin/bound.js`). The returned value is sent
 * back as the hook's result; for `before_prompt_build` the plugin passes on only
 * `prependContext`, `appendContext`, `prependSystemContext` and `appendSystemContext`
 * (strings). Calls arrive one at a time, in the order OpenClaw fired them.
 *
 * @example
 * ```ts
 * const handler: HookHandler = {
 *   handle: async (hook) =>
 *     hook === "before_prompt_build" ? { prependContext: "<lshml-memories>…</lshml-memories>" } : undefined,
 * };
 * ```
 */
export interface HookHandler {
  /** Handles one hook; a thrown error becomes a HANDLER_FAILED response (the agent goes on). */
  handle(hook: HookName, event: unknown, ctx: unknown): Promise<unknown>;
  /** Called once when the plugin closes the connection (flush, release locks). */
  close?(): Promise<void>;
}

/** What a {@link HookHandlerFactory} gets once `init` has fixed the configuration. */
export interface HookHandlerDeps {
  /** The effective configuration (plugin config or config.json < env < flags) and its sources. */
  readonly effective: EffectiveConfig;
  readonly home: Home;
  readonly log: Logger;
  /** Wall clock; tests pass a fixed one. */
  readonly now: () => Date;
  /** How long the plugin waits for `before_prompt_build` (`engine.hookBudgetMs`), in ms. */
  readonly hookBudgetMs: number;
}

/**
 * Builds the hook handler for one engine process. `lshml agent serve` takes one, so the
 * command can be pointed at the real AgentHost without touching the transport.
 */
export interface HookHandlerFactory {
  /** Short name for logs: `lshml: initialized (… handler echo)`. */
  readonly label: string;
  create(deps: HookHandlerDeps): Promise<HookHandler>;
}

/** A log level and line, as {@link Logger} produced it. */
export interface LogEntry {
  readonly level: LogLevel;
  readonly line: string;
}
