import { _spawnBounded } from "./_spawn.ts";
import { _assertArgv } from "./_assert_argv.ts";

/** How {@linkcode runCommands} runs each command. */
export interface RunOptions {
  /** Working folder (the workspace). */
  readonly cwd: string;
  /** Per command; the command's whole process group is killed when it runs out. */
  readonly timeoutMs: number;
  /** The commands' whole environment; absent = this process's. */
  readonly env?: Readonly<Record<string, string>>;
  /** Bytes kept from the end of stdout and of stderr, per command. */
  readonly maxOutputBytes: number;
  /** Stop at the first command that fails (default true); later ones are not run. */
  readonly stopOnFailure?: boolean;
}

/** What one command did. */
export interface CommandResult {
  readonly cmd: readonly string[];
  /** Exit code 0, not timed out, started. */
  readonly ok: boolean;
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly durationMs: number;
  /** The last `maxOutputBytes` of each stream, as UTF-8 text. */
  readonly stdoutTail: string;
  readonly stderrTail: string;
  /** Why it could not start (`ENOENT` for a program not on PATH), else null. */
  readonly error: string | null;
}

/**
 * Runs validation or canary commands one after another, each an argv array run WITHOUT a
 * shell: `["npm", "test"]` runs npm with one argument, and `["echo", "a | b"]` prints
 * `a | b` — pipes, `&&`, `$VAR`, globs and redirections in an element are plain text. The
 * only way to get a shell is to name one (`["sh", "-c", "…"]`), which this module never
 * does itself; gene validation commands are checked against that at load time (gep).
 * stdin is /dev/null. A command that outlives `timeoutMs` is stopped with its process group
 * (SIGTERM, then SIGKILL a second later), and so is anything a command left running.
 *
 * @throws {TypeError} for an empty argv or a non-string element.
 *
 * @example
 * ```ts
 * const results = await runCommands([["deno", "test", "-A"]], {
 *   cwd: "/work/app",
 *   timeoutMs: 120_000,
 *   maxOutputBytes: 4096,
 * });
 * results.every((r) => r.ok);
 * ```
 */
export async function runCommands(
  commands: readonly (readonly string[])[],
  options: RunOptions,
): Promise<CommandResult[]> {
  for (const cmd of commands) _assertArgv(cmd);
  const results: CommandResult[] = [];
  for (const cmd of commands) {
    const run = await _spawnBounded(cmd, {
      cwd: options.cwd,
      env: options.env,
      timeoutMs: options.timeoutMs,
      maxOutputBytes: options.maxOutputBytes,
      keep: "tail",
    });
    const decoder = new TextDecoder();
    const result: CommandResult = {
      cmd: [...cmd],
      ok: run.code === 0 && !run.timedOut && run.error === null,
      code: run.code,
      signal: run.signal,
      timedOut: run.timedOut,
      durationMs: run.durationMs,
      stdoutTail: decoder.decode(run.stdout.bytes()),
      stderrTail: decoder.decode(run.stderr.bytes()),
      error: run.error,
    };
    results.push(result);
    if (!result.ok && options.stopOnFailure !== false) break;
  }
  return results;
}
