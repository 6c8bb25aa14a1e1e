import { _spawnBounded } from "./_spawn.ts";
import { _assertArgv } from "./_assert_argv.ts";

/** How {@linkcode runExecutor} runs the executor. */
export interface ExecutorOptions {
  /** The workspace the executor works in. */
  readonly cwd: string;
  /** The executor and its process group are killed when this runs out. */
  readonly timeoutMs: number;
  /** Its whole environment; absent = this process's. */
  readonly env?: Readonly<Record<string, string>>;
  /** Bytes kept from the end of stdout and of stderr (default 64 KiB). */
  readonly maxOutputBytes?: number;
}

/** What the executor did (its changes are measured separately, from git). */
export interface ExecutorResult {
  /** Exited 0 within the time. */
  readonly ok: boolean;
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly durationMs: number;
  readonly stdoutTail: string;
  readonly stderrTail: string;
  /** Why it could not start (`ENOENT`), else null. */
  readonly error: string | null;
  /** Set when it closed stdin before reading the whole prompt (`EPIPE`). */
  readonly promptNotRead: string | null;
}

/** Enough of an agent's closing words to see why it stopped. */
const DEFAULT_EXECUTOR_OUTPUT_BYTES = 64 * 1024;

/**
 * Runs the configured executor (an agent CLI, as an argv array — no shell) in the workspace
 * with the GEP prompt on stdin, which is then closed. The caller snapshots before and
 * solidifies after; a failed or timed-out executor's changes are still measured and, if
 * they fail, rolled back.
 *
 * @throws {TypeError} for an empty argv.
 *
 * @example
 * ```ts
 * const run = await runExecutor(["my-agent", "--apply"], prompt, {
 *   cwd: "/work/app",
 *   timeoutMs: 600_000,
 * });
 * ```
 */
export async function runExecutor(
  argv: readonly string[],
  prompt: string,
  options: ExecutorOptions,
): Promise<ExecutorResult> {
  _assertArgv(argv);
  const run = await _spawnBounded(argv, {
    cwd: options.cwd,
    env: options.env,
    input: prompt,
    timeoutMs: options.timeoutMs,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_EXECUTOR_OUTPUT_BYTES,
    keep: "tail",
  });
  const decoder = new TextDecoder();
  return {
    ok: run.code === 0 && !run.timedOut && run.error === null,
    code: run.code,
    signal: run.signal,
    timedOut: run.timedOut,
    durationMs: run.durationMs,
    stdoutTail: decoder.decode(run.stdout.bytes()),
    stderrTail: decoder.decode(run.stderr.bytes()),
    error: run.error,
    promptNotRead: run.stdinError,
  };
}
