// @ts-check
/**
 * The plugin side of the bridge: forwards hooks to the one engine of this OpenClaw process
 * (kept by supervisor.js) and never lets it break the agent.
 *
 * Failing open: `request()` (before_prompt_build) resolves to the injectable fields, or to
 * `undefined` when the engine is missing, starting past the budget, slow, failing or dead;
 * `notify()` (every other hook) sends and returns at once. Each failure is counted; the
 * first of a streak is logged as one warning, the rest only at debug level until the
 * engine answers again. At each agent_end, one line says how much time the bridge added to
 * that run.
 *
 * @module
 */
import { performance } from "node:perf_hooks";
import { hookRequestLine } from "./bound.js";
import { readFolderDefaults } from "./engine_command.js";
import { promptResult } from "./hooks.js";
import { readEngineSettings } from "./plugin_config.js";
import { RunTimings } from "./run_timings.js";
import { describeError, record } from "./answers.js";
import { EngineSupervisor } from "./supervisor.js";

/** @typedef {import("./supervisor.js").Logger} Logger */

/** Forwards OpenClaw hooks to the engine, failing open (see the module doc). */
export class Bridge {
  /**
   * @param {object} deps
   * @param {string} deps.version the plugin's version, sent in `init`
   * @param {Record<string, string | undefined>} [deps.env] the engine's environment
   * @param {typeof import("node:child_process").spawn} [deps.spawn]
   * @param {() => number} [deps.now] monotonic milliseconds
   */
  constructor(deps) {
    this.now = deps.now ?? (() => performance.now());
    /** @type {Logger} */
    this.logger = { info: () => {}, warn: () => {}, error: () => {} };
    this.settings = readEngineSettings({}).settings;
    this.configKey = "";
    this.failing = false;
    this.timings = new RunTimings();
    this.counts = { calls: 0, failures: 0 };
    this.supervisor = new EngineSupervisor({
      version: deps.version,
      env: deps.env ?? process.env,
      spawn: deps.spawn,
      now: this.now,
      logger: () => this.logger,
      onAnswer: (hook, ok, reason) => {
        if (ok) this.answered();
        else this.missed(hook, `the engine failed: ${reason}`);
      },
    });
  }

  /** The engine's state: idle | starting | ready | waiting | disabled. */
  get state() {
    return this.supervisor.state;
  }

  /** Counters since the process started: calls, failures, starts, restarts, dropped. */
  get stats() {
    return { ...this.counts, ...this.supervisor.stats };
  }

  /**
   * Applies the plugin config and folder; cheap and idempotent (register runs several times
   * per process). A changed config restarts the engine with it.
   *
   * @param {{ pluginConfig: unknown, rootDir: string | undefined, logger: Logger }} options
   */
  configure({ pluginConfig, rootDir, logger }) {
    this.logger = logger;
    const config = record(pluginConfig) ?? {};
    const key = JSON.stringify([config, rootDir ?? ""]);
    if (key === this.configKey) return;
    const changed = this.configKey !== "" && this.supervisor.state !== "idle";
    this.configKey = key;
    const folder = readFolderDefaults(rootDir);
    const { settings, problems } = readEngineSettings(config);
    const own = Object.fromEntries(
      Object.entries(settings).filter(([, v]) => v !== undefined),
    );
    this.settings = { ...settings, ...folder.defaults, ...own };
    for (
      const problem of [
        ...problems,
        ...(folder.problem ? [folder.problem] : []),
      ]
    ) {
      logger.warn(`lshml: ${problem}`);
    }
    if (changed) {
      logger.info(
        "lshml: the plugin config changed; restarting the engine with it",
      );
    }
    this.supervisor.reset({
      settings: this.settings,
      pluginConfig: config,
      rootDir,
    });
  }

  /** Starts the engine if it is not running or about to; idempotent. */
  start() {
    this.supervisor.start();
  }

  /** Starts the engine on the next tick, so `register()` itself stays cheap. */
  startSoon() {
    setTimeout(() => this.start(), 0).unref();
  }

  /**
   * Resolves true once the engine is ready, false after `ms` or when it is disabled.
   *
   * @param {number} ms
   */
  whenReady(ms) {
    return this.supervisor.whenReady(ms);
  }

  /** Closes the engine's input (it finishes what it was sent and exits). */
  stop() {
    this.supervisor.stop();
  }

  /**
   * Forwards an awaited hook and resolves to what may be injected, within the budget.
   *
   * @param {string} hook
   * @param {unknown} event
   * @param {unknown} ctx
   * @returns {Promise<Record<string, string> | undefined>}
   */
  async request(hook, event, ctx) {
    const started = this.now();
    this.counts.calls++;
    const { supervisor } = this;
    try {
      if (supervisor.state === "disabled") return undefined;
      supervisor.start();
      const budget = this.settings.hookBudgetMs;
      const deadline = started + budget;
      if (!(await supervisor.whenReady(deadline - this.now()))) {
        const why = supervisor.disabledBecause
          ? `the engine is disabled (${supervisor.disabledBecause})`
          : `the engine was not ready within ${budget} ms`;
        return this.missed(hook, why);
      }
      const id = supervisor.nextId();
      const line = hookRequestLine(id, hook, event, ctx);
      const answer = await supervisor.call(
        id,
        hook,
        line,
        deadline - this.now(),
      );
      if (answer === undefined) {
        return this.missed(
          hook,
          `the engine did not answer within ${budget} ms`,
        );
      }
      if (answer.ok !== true) {
        return this.missed(hook, `the engine failed: ${describeError(answer)}`);
      }
      this.answered();
      return promptResult(answer.result);
    } catch (error) {
      return this.missed(
        hook,
        `bridge error: ${error instanceof Error ? error.message : error}`,
      );
    } finally {
      this.timings.add(hook, ctx, this.now() - started);
    }
  }

  /**
   * Forwards a fire-and-forget hook and returns at once; while the engine starts, calls wait
   * in a short queue.
   *
   * @param {string} hook
   * @param {unknown} event
   * @param {unknown} ctx
   */
  notify(hook, event, ctx) {
    const started = this.now();
    this.counts.calls++;
    const { supervisor } = this;
    try {
      if (supervisor.state === "disabled") return;
      supervisor.start();
      const id = supervisor.nextId();
      if (!supervisor.notify(id, hook, hookRequestLine(id, hook, event, ctx))) {
        this.missed(hook, "the engine is not running");
      }
    } catch (error) {
      this.missed(
        hook,
        `bridge error: ${error instanceof Error ? error.message : error}`,
      );
    } finally {
      this.timings.add(hook, ctx, this.now() - started);
      if (hook === "agent_end") this.reportRun(ctx);
    }
  }

  /**
   * Counts a call that went on without the engine; warns once per streak.
   *
   * @param {string} hook
   * @param {string} reason
   * @returns {undefined}
   */
  missed(hook, reason) {
    this.counts.failures++;
    const line = `lshml: ${hook} went on without lshml: ${reason}`;
    if (this.failing) this.logger.debug?.(line);
    else {
      this.failing = true;
      this.logger.warn(
        `${line} (the agent is not affected; further failures are counted, not logged, ` +
          "until the engine answers again)",
      );
    }
    return undefined;
  }

  /** Ends a failure streak, saying how many calls went on without the engine. */
  answered() {
    if (!this.failing) return;
    this.failing = false;
    this.logger.info(
      `lshml: the engine answers again (${this.counts.failures} calls went on without it so far)`,
    );
  }

  /**
   * Logs the time the bridge added to one run (the sum of its hook calls), at agent_end.
   *
   * @param {unknown} ctx
   */
  reportRun(ctx) {
    const run = this.timings.take(ctx);
    if (!run) return;
    const { readyMs, stats } = this.supervisor;
    const ready = readyMs === undefined ? "not ready" : `ready in ${Math.round(readyMs)} ms`;
    this.logger.info(
      `lshml: bridge time this run: ${run.text} ` +
        `(engine ${ready}, failures ${this.counts.failures}, restarts ${stats.restarts})`,
    );
  }
}
