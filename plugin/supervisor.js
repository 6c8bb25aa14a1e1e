// @ts-check
/**
 * Keeps one engine process running for the bridge: starts it (`-P` first, then exactly the
 * flags a SANDBOX_MISSING answer names), restarts it with exponential backoff after a crash
 * (250 ms, doubling, at most 30 s; `engine.maxRestarts` crashes in a row before giving up),
 * and disables itself with one clear error when restarting cannot help (the program is
 * missing, the config is invalid, a compiled binary lacks a permission).
 *
 * States: idle → starting → ready; ready → waiting (backoff) → starting; any → disabled.
 *
 * @module
 */
import { describeError, record } from "./answers.js";
import { engineArgv, locateEngine } from "./engine_command.js";
import { EngineProcess } from "./engine_process.js";
import { PendingCalls } from "./pending_calls.js";

/** First restart delay after a crash; doubles with each crash in a row. */
const BACKOFF_BASE_MS = 250;
/** Longest restart delay. */
const BACKOFF_MAX_MS = 30_000;
/** An engine that has not answered `init` by then is killed (and restarted with backoff). */
const INIT_TIMEOUT_MS = 60_000;
/** Fire-and-forget calls kept while the engine starts; older ones are dropped first. */
const MAX_QUEUED = 64;
/** Stderr lines passed on per engine process; a crash loop must not flood the log. */
const MAX_STDERR_LINES = 40;

/**
 * @typedef {object} Logger `api.logger`
 * @property {(line: string) => void} info
 * @property {(line: string) => void} warn
 * @property {(line: string) => void} error
 * @property {((line: string) => void) | undefined} [debug]
 */

/**
 * @typedef {object} Target what to run
 * @property {import("./plugin_config.js").EngineSettings} settings merged engine settings
 * @property {Record<string, unknown>} pluginConfig sent in `init`
 * @property {string | undefined} rootDir the plugin folder
 */

/** One engine process at a time, restarted or disabled as the module doc says. */
export class EngineSupervisor {
  /**
   * @param {object} deps
   * @param {string} deps.version the plugin's version, sent in `init`
   * @param {Record<string, string | undefined>} deps.env the engine's environment
   * @param {typeof import("node:child_process").spawn | undefined} deps.spawn
   * @param {() => number} deps.now monotonic milliseconds
   * @param {() => Logger} deps.logger
   * @param {(hook: string, ok: boolean, reason: string) => void} deps.onAnswer a
   *   fire-and-forget call was answered (or failed)
   */
  constructor(deps) {
    this.deps = deps;
    /** @type {"idle" | "starting" | "ready" | "waiting" | "disabled"} */
    this.state = "idle";
    /** @type {string | undefined} */
    this.disabledBecause = undefined;
    /** @type {Target} */
    this.target = {
      settings: /** @type {never} */ (undefined),
      pluginConfig: {},
      rootDir: undefined,
    };
    /** @type {string[]} */
    this.permissionFlags = ["-P"];
    this.sandboxRetried = false;
    /** @type {EngineProcess | undefined} */
    this.engine = undefined;
    this.crashesInRow = 0;
    this.lastId = 0;
    this.pending = new PendingCalls();
    /** @type {{ id: number, hook: string, line: string }[]} */
    this.queue = [];
    /** @type {((ready: boolean) => void)[]} */
    this.readyWaiters = [];
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.restartTimer = undefined;
    this.startedAt = 0;
    /** @type {number | undefined} */
    this.readyMs = undefined;
    this.stats = { starts: 0, restarts: 0, dropped: 0 };
  }

  get logger() {
    return this.deps.logger();
  }

  /** The next request id. */
  nextId() {
    return ++this.lastId;
  }

  /**
   * Stops any engine and forgets the past (flags, crashes, disabled): the next start runs
   * `target` afresh. Used for the first configuration and for config changes.
   *
   * @param {Target} target
   */
  reset(target) {
    this.stop();
    this.target = target;
    this.state = "idle";
    this.disabledBecause = undefined;
    this.permissionFlags = ["-P"];
    this.sandboxRetried = false;
    this.crashesInRow = 0;
  }

  /** Starts the engine unless it runs, starts, waits to restart or is disabled. */
  start() {
    if (this.state === "idle") this.spawnEngine();
  }

  /** Closes the engine's input (it finishes what it has and exits) and cancels timers. */
  stop() {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const engine = this.engine;
    this.engine = undefined;
    engine?.close();
    this.queue.length = 0;
    this.settle();
  }

  /**
   * Resolves true once the engine is ready, false after `ms` or when it is disabled.
   *
   * @param {number} ms
   * @returns {Promise<boolean>}
   */
  whenReady(ms) {
    if (this.state === "ready") return Promise.resolve(true);
    if (this.state === "disabled" || ms <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), ms);
      /** @param {boolean} ready */
      const done = (ready) => {
        clearTimeout(timer);
        const at = this.readyWaiters.indexOf(done);
        if (at >= 0) this.readyWaiters.splice(at, 1);
        resolve(ready);
      };
      this.readyWaiters.push(done);
    });
  }

  /**
   * Sends an awaited call to the ready engine; resolves to its answer, or undefined after
   * `ms` or when the engine cannot take it.
   *
   * @param {number} id
   * @param {string} hook
   * @param {string} line
   * @param {number} ms
   */
  call(id, hook, line, ms) {
    const engine = this.state === "ready" ? this.engine : undefined;
    return this.pending.call(id, hook, ms, () => engine?.send(line) ?? false);
  }

  /**
   * Sends a fire-and-forget call, or queues it while the engine starts. False when it could
   * not be sent (the engine is gone or disabled).
   *
   * @param {number} id
   * @param {string} hook
   * @param {string} line
   */
  notify(id, hook, line) {
    if (this.state === "disabled") return false;
    if (this.state === "ready" && this.engine) {
      this.pending.expect(id, hook);
      return this.engine.send(line);
    }
    this.queue.push({ id, hook, line });
    if (this.queue.length > MAX_QUEUED) {
      this.queue.shift();
      this.stats.dropped++;
    }
    return true;
  }

  spawnEngine() {
    const { settings, rootDir, pluginConfig } = this.target;
    const location = locateEngine(settings, rootDir, this.deps.env);
    if (location.kind === "missing") return this.disable(location.reason);
    const argv = engineArgv(location, this.permissionFlags, settings.args);
    this.state = "starting";
    this.startedAt = this.deps.now();
    this.stats.starts++;
    let stderrLines = 0;
    /** @type {EngineProcess} */
    const engine = new EngineProcess(
      argv,
      { ...this.deps.env, NO_COLOR: "1" },
      {
        onMessage: (message) => this.onMessage(engine, message),
        onStderr: (line) => {
          if (++stderrLines <= MAX_STDERR_LINES) {
            this.logger.warn(
              `lshml engine: ${line}`,
            );
          } else if (stderrLines === MAX_STDERR_LINES + 1) {
            this.logger.warn(
              "lshml engine: further stderr lines of this engine are not shown",
            );
          }
        },
        onExit: (exit) => this.onExit(engine, exit, location.kind),
      },
      this.deps.spawn,
    );
    this.engine = engine;
    this.logger.info(
      `lshml: starting the engine (pid ${engine.pid}): ${argv.join(" ")}`,
    );
    const id = this.nextId();
    this.pending.expect(
      id,
      "init",
      (answer) => this.onInit(engine, answer, location.kind),
    );
    setTimeout(() => {
      if (this.engine !== engine || this.state !== "starting") return;
      this.logger.warn(
        `lshml: the engine did not answer init within ${INIT_TIMEOUT_MS} ms`,
      );
      engine.kill();
    }, INIT_TIMEOUT_MS).unref();
    const engineSection = { ...record(pluginConfig.engine) };
    if (settings.home) engineSection.home = settings.home;
    const config = { ...pluginConfig, engine: engineSection };
    engine.send(
      `${JSON.stringify({ id, type: "init", config, version: this.deps.version })}\n`,
    );
  }

  /**
   * @param {EngineProcess} engine
   * @param {Record<string, unknown> | undefined} answer
   * @param {"deno" | "command"} kind
   */
  onInit(engine, answer, kind) {
    if (engine !== this.engine || answer === undefined) return; // exited: onExit decides
    if (answer.ok === true) {
      return this.onReady(engine, record(answer.result)?.home);
    }
    const error = record(answer.error) ?? {};
    const flags = Array.isArray(error.flags) ? error.flags.map(String) : [];
    const sandbox = error.code === "SANDBOX_MISSING" && flags.length > 0;
    if (sandbox && kind === "deno" && !this.sandboxRetried) {
      this.sandboxRetried = true;
      this.permissionFlags = flags;
      this.logger.info(
        "lshml: the engine needs Deno permissions beyond -P; " +
          `restarting it with exactly: ${flags.join(" ")}`,
      );
      this.engine = undefined;
      engine.close();
      this.spawnEngine();
      return;
    }
    this.disable(`the engine refused to start: ${describeError(answer)}`);
  }

  /**
   * @param {EngineProcess} engine
   * @param {unknown} home
   */
  onReady(engine, home) {
    this.state = "ready";
    this.readyMs = this.deps.now() - this.startedAt;
    this.logger.info(
      `lshml: engine ready in ${Math.round(this.readyMs)} ms (pid ${engine.pid}` +
        `${typeof home === "string" ? `, home ${home}` : ""})`,
    );
    for (const queued of this.queue.splice(0)) {
      this.pending.expect(queued.id, queued.hook);
      engine.send(queued.line);
    }
    for (const wake of this.readyWaiters.splice(0)) wake(true);
  }

  /**
   * @param {EngineProcess} engine
   * @param {Record<string, unknown>} message
   */
  onMessage(engine, message) {
    if (message.type === "log") {
      const line = typeof message.line === "string" ? message.line : "";
      const level = message.level;
      if (level === "error") this.logger.error(line);
      else if (level === "warn") this.logger.warn(line);
      else if (level === "debug") this.logger.debug?.(line);
      else this.logger.info(line);
      return;
    }
    if (Array.isArray(message.logs)) {
      for (const line of message.logs) this.logger.info(String(line));
    }
    const pending = this.pending.take(message.id);
    if (!pending) {
      if (message.ok === false) {
        this.logger.warn(`lshml: engine error: ${describeError(message)}`);
      }
      return;
    }
    if (message.ok === true && pending.hook !== "init") this.crashesInRow = 0;
    if (pending.resolve) return pending.resolve(message);
    if (engine !== this.engine) return;
    this.deps.onAnswer(
      pending.hook,
      message.ok === true,
      describeError(message),
    );
  }

  /**
   * @param {EngineProcess} engine
   * @param {{ code: number | null, signal: string | null, error?: Error }} exit
   * @param {"deno" | "command"} kind
   */
  onExit(engine, exit, kind) {
    if (engine !== this.engine) return; // retired on purpose (sandbox restart, config change)
    this.engine = undefined;
    this.settle();
    if (this.state === "disabled") return;
    const how = exit.error
      ? exit.error.message
      : exit.signal
      ? `signal ${exit.signal}`
      : `exit code ${exit.code}`;
    if (
      exit.error && /** @type {{ code?: string }} */
      (exit.error).code === "ENOENT"
    ) {
      const which = kind === "deno" ? "engine.denoPath" : "engine.command";
      return this.disable(
        `cannot start ${engine.argv[0]} (${how}); check ${which}`,
      );
    }
    this.crashesInRow++;
    const max = this.target.settings.maxRestarts;
    if (this.crashesInRow > max) {
      return this.disable(
        `the engine exited ${this.crashesInRow} times in a row (last: ${how}); ` +
          "lshml stays off until OpenClaw restarts",
      );
    }
    const delay = Math.min(
      BACKOFF_BASE_MS * 2 ** (this.crashesInRow - 1),
      BACKOFF_MAX_MS,
    );
    this.state = "waiting";
    this.logger.warn(
      `lshml: the engine exited (${how}); restarting in ${delay} ms ` +
        `(restart ${this.crashesInRow} of at most ${max})`,
    );
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.state !== "waiting") return;
      this.stats.restarts++;
      this.spawnEngine();
    }, delay);
    this.restartTimer.unref();
  }

  /** @param {string} reason */
  disable(reason) {
    this.state = "disabled";
    this.disabledBecause = reason;
    this.logger.error(`lshml: disabled for this process: ${reason}`);
    const engine = this.engine;
    this.engine = undefined;
    engine?.close();
    this.queue.length = 0;
    this.settle();
  }

  /** Answers every waiting call with undefined (the engine is gone or disabled). */
  settle() {
    this.pending.settle();
    if (this.state !== "disabled") return;
    for (const wake of this.readyWaiters.splice(0)) wake(false);
  }
}
