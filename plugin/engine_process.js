// @ts-check
/**
 * One engine child process: newline-delimited JSON on its stdin/stdout, stderr as text.
 * The child and its pipes are unref'd, so a waiting engine never keeps OpenClaw alive;
 * when OpenClaw exits, the engine sees end-of-input, finishes what it was sent and exits.
 *
 * @module
 */
import { spawn as nodeSpawn } from "node:child_process";

/** Longest line read from the engine (characters); longer ones are dropped and reported. */
export const MAX_ENGINE_LINE_CHARS = 4 * 1024 * 1024;

/**
 * @typedef {object} EngineEvents
 * @property {(message: Record<string, unknown>) => void} onMessage a JSON object from stdout
 * @property {(line: string) => void} onStderr a stderr line, or a note about bad stdout
 * @property {(exit: { code: number | null, signal: string | null, error?: Error }) => void} onExit
 */

/**
 * Calls `onLine` for each line of a text stream, dropping lines over the limit.
 *
 * @param {import("node:stream").Readable} stream
 * @param {(line: string) => void} onLine
 * @param {(note: string) => void} onOverlong
 */
function eachLine(stream, onLine, onOverlong) {
  let buffer = "";
  let dropping = false;
  stream.setEncoding("utf8");
  stream.on("data", (/** @type {string} */ chunk) => {
    let start = 0;
    for (
      let at = chunk.indexOf("\n");
      at >= 0;
      at = chunk.indexOf("\n", start)
    ) {
      const piece = chunk.slice(start, at);
      if (!dropping) onLine(buffer + piece);
      else {onOverlong(
          `dropped an engine line over ${MAX_ENGINE_LINE_CHARS} characters`,
        );}
      buffer = "";
      dropping = false;
      start = at + 1;
    }
    if (dropping) return;
    buffer += chunk.slice(start);
    if (buffer.length > MAX_ENGINE_LINE_CHARS) {
      buffer = "";
      dropping = true;
    }
  });
}

/** A running engine. */
export class EngineProcess {
  /**
   * @param {string[]} argv
   * @param {Record<string, string | undefined>} env
   * @param {EngineEvents} events
   * @param {typeof nodeSpawn} [spawn] injectable for tests
   */
  constructor(argv, env, events, spawn = nodeSpawn) {
    const [file = "", ...args] = argv;
    /** @type {readonly string[]} */
    this.argv = argv;
    let exited = false;
    /** @param {{ code: number | null, signal: string | null, error?: Error }} info */
    const exit = (info) => {
      if (exited) return;
      exited = true;
      this.alive = false;
      // Never during construction (Deno's node:child_process may report a failed spawn
      // before the constructor returns): the owner must know this process first.
      setTimeout(() => events.onExit(info), 0);
    };
    this.alive = true;
    /** @type {import("node:child_process").ChildProcess | undefined} */
    this.child = undefined;
    try {
      this.child = spawn(file, args, {
        stdio: ["pipe", "pipe", "pipe"],
        env,
        windowsHide: true,
      });
    } catch (error) {
      // Deno's node:child_process throws at once for a missing program; Node emits "error".
      exit({
        code: null,
        signal: null,
        error: error instanceof Error ? error : new Error(String(error)),
      });
      return;
    }
    const child = this.child;
    /** @type {number | undefined} */
    this.pid = child.pid;
    child.on("error", (error) => exit({ code: null, signal: null, error }));
    child.on("close", (code, signal) => exit({ code, signal }));
    if (child.pid === undefined) return; // spawning failed; "error" follows
    // EPIPE after the engine died: the exit handler reports it; writes just stop.
    child.stdin?.on("error", () => (this.alive = false));
    if (child.stdout) {
      eachLine(child.stdout, (line) => {
        if (line.trim() === "") return;
        let message;
        try {
          message = JSON.parse(line);
        } catch {
          events.onStderr(
            `engine wrote a non-JSON line to stdout: ${line.slice(0, 200)}`,
          );
          return;
        }
        if (typeof message === "object" && message !== null) {
          events.onMessage(message);
        }
      }, events.onStderr);
    }
    if (child.stderr) eachLine(child.stderr, events.onStderr, events.onStderr);
    child.unref();
    for (const pipe of [child.stdin, child.stdout, child.stderr]) {
      /** @type {{ unref?: () => void } | null} */ (pipe)?.unref?.();
    }
  }

  /**
   * Writes one request line; false when the engine can no longer take it.
   *
   * @param {string} line JSON plus newline
   */
  send(line) {
    const stdin = this.child?.stdin;
    if (!this.alive || !stdin?.writable) return false;
    stdin.write(line);
    return true;
  }

  /** Closes the engine's input: it finishes what it has and exits. */
  close() {
    this.alive = false;
    this.child?.stdin?.end();
  }

  /** Ends the engine now. */
  kill() {
    this.alive = false;
    this.child?.kill("SIGKILL");
  }
}
