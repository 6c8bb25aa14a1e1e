import { type ChildProcess, spawn } from "node:child_process";
import { _BoundedBuffer } from "./_bounded_buffer.ts";

/** How long a timed-out process group gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 1_000;
/**
 * How long to wait for pipes to close after the process exited: a grandchild that kept our
 * stdout open is killed with the group, but a pipe may still need a moment to drain.
 */
const STREAM_GRACE_MS = 500;
const WINDOWS = typeof process !== "undefined" && process.platform === "win32";

/** Options for {@linkcode _spawnBounded}. */
export interface _SpawnOptions {
  readonly cwd: string;
  /** The child's whole environment; absent = the parent's, as `spawn` does by default. */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** Bytes for stdin, which is then closed; absent = stdin is /dev/null. */
  readonly input?: string | Uint8Array | undefined;
  readonly timeoutMs: number;
  /** Bytes kept per stream. */
  readonly maxOutputBytes: number;
  readonly keep: "head" | "tail";
}

/** What a process did. */
export interface _SpawnResult {
  /** Exit code; null when killed by a signal or never started. */
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly durationMs: number;
  readonly stdout: _BoundedBuffer;
  readonly stderr: _BoundedBuffer;
  /** Why the process could not start (`ENOENT`, `EACCES`), if it could not. */
  readonly error: string | null;
  /** Set when the program closed stdin before taking all of `input` (`EPIPE`). */
  readonly stdinError: string | null;
}

/**
 * Runs `argv` without a shell (`shell: false`: `argv[0]` is the program, every other element
 * one argument, nothing is interpreted) in its own process group, so that on timeout the
 * whole group — the command and anything it started — is killed (SIGTERM, then SIGKILL after
 * {@linkcode KILL_GRACE_MS}). Leftover members of the group are also killed once the command
 * exits, so a validation step cannot leave a server running. Never rejects.
 */
export function _spawnBounded(
  argv: readonly string[],
  options: _SpawnOptions,
): Promise<_SpawnResult> {
  const [file, ...args] = argv;
  if (file === undefined || file === "") throw new TypeError("a command needs at least a program");
  const started = performance.now();
  const stdout = new _BoundedBuffer(options.maxOutputBytes, options.keep);
  const stderr = new _BoundedBuffer(options.maxOutputBytes, options.keep);
  return new Promise((resolve) => {
    const run: _Run = {
      timedOut: false,
      exit: { code: null, signal: null },
      error: null,
      stdinError: null,
      timers: [],
      settled: false,
      finish: () => {
        if (run.settled) return;
        run.settled = true;
        for (const timer of run.timers) clearTimeout(timer);
        const { timedOut, exit, error, stdinError } = run;
        const durationMs = Math.round(performance.now() - started);
        resolve({ ...exit, timedOut, durationMs, stdout, stderr, error, stdinError });
      },
    };
    let child: ChildProcess;
    try {
      child = spawn(file, args, {
        cwd: options.cwd,
        env: options.env,
        shell: false,
        detached: !WINDOWS,
        windowsHide: true,
        stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      });
    } catch (cause) {
      run.error = (cause as NodeJS.ErrnoException).code ?? String(cause);
      run.finish();
      return;
    }
    child.stdout?.on("data", (chunk: Uint8Array) => stdout.push(chunk));
    child.stderr?.on("data", (chunk: Uint8Array) => stderr.push(chunk));
    _supervise(child, run, options);
  });
}

/** The mutable state of one run, shared by the child's event handlers. */
interface _Run {
  timedOut: boolean;
  exit: { code: number | null; signal: string | null };
  error: string | null;
  stdinError: string | null;
  timers: ReturnType<typeof setTimeout>[];
  settled: boolean;
  finish: () => void;
}

/** Wires exit, errors, the timeout and stdin of a started child to its run. */
function _supervise(child: ChildProcess, run: _Run, options: _SpawnOptions): void {
  child.on("error", (cause: NodeJS.ErrnoException) => {
    run.error ??= cause.code ?? cause.message;
  });
  child.on("exit", (code, signal) => {
    run.exit = { code, signal };
    _killGroup(child, "SIGKILL");
    run.timers.push(setTimeout(() => {
      child.stdout?.destroy();
      child.stderr?.destroy();
      run.finish();
    }, STREAM_GRACE_MS));
  });
  child.on("close", run.finish);
  run.timers.push(setTimeout(() => {
    run.timedOut = true;
    _killGroup(child, "SIGTERM");
    run.timers.push(setTimeout(() => _killGroup(child, "SIGKILL"), KILL_GRACE_MS));
  }, options.timeoutMs));
  if (options.input !== undefined && child.stdin) {
    // A program that exits without reading its stdin closes the pipe under us (EPIPE);
    // that is reported, not thrown: its exit code tells the rest of the story.
    child.stdin.on("error", (cause: NodeJS.ErrnoException) => {
      run.stdinError ??= cause.code ?? cause.message;
    });
    child.stdin.end(options.input);
  }
}

/**
 * Signals the child's process group (POSIX) or the child alone (Windows). Under a
 * Deno sandbox that grants only named programs (`--allow-run=git,npm`), signalling a
 * group needs the unrestricted run permission; then only the child itself is
 * signalled (its own grandchildren may outlive a timeout).
 */
function _killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (WINDOWS) child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch (cause) {
    // ESRCH: the group is already gone, which is what we wanted.
    if ((cause as NodeJS.ErrnoException).code === "ESRCH") return;
    const name = (cause as Error).name;
    if (name !== "NotCapable" && name !== "PermissionDenied") throw cause;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}
