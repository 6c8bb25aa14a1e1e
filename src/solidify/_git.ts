import { devNull } from "node:os";
import { _spawnBounded } from "./_spawn.ts";
import { SolidifyError } from "./solidify_error.ts";

/** Generous: `git add -A` over a large tree hashes every changed byte. */
const GIT_TIMEOUT_MS = 300_000;
/** Listing a 100k-file tree is a few MB; this only stops a runaway. */
const GIT_MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/**
 * Options every call gets: paths unquoted (we parse `-z` output), no colour, and neither hooks
 * nor an fsmonitor daemon run on our behalf — an executor may have planted either, and our
 * own bookkeeping must not execute them.
 */
const BASE_ARGS = [
  "-c",
  "core.quotePath=false",
  "-c",
  "color.ui=false",
  "-c",
  `core.hooksPath=${devNull}`,
  "-c",
  "core.fsmonitor=false",
];

/** Variables kept from the parent's `GIT_*`: they choose config files, not repositories. */
const KEPT_GIT_VARS = new Set(["GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_NOSYSTEM"]);

/** Options for {@linkcode _git}. */
export interface _GitOptions {
  readonly input?: string | Uint8Array;
  /** Use this index file instead of the repository's (`GIT_INDEX_FILE`). */
  readonly indexFile?: string;
  /** Exit codes that are answers, not failures (`symbolic-ref -q` exits 1 when detached). */
  readonly okCodes?: readonly number[];
  /** Bytes of stdout kept (the first ones); `stdoutTotal` still counts all of them. */
  readonly maxOutputBytes?: number;
}

/** What git printed. */
export interface _GitOutput {
  readonly code: number;
  readonly stdout: Uint8Array;
  /** Bytes git wrote to stdout, kept or not. */
  readonly stdoutTotal: number;
  readonly stderr: string;
}

/**
 * The one way this area runs git: `git` from PATH, an argv array, no shell, output captured.
 * The environment is the parent's minus the `GIT_*` variables that would point git at another
 * repository or index (a hook running lshml has `GIT_DIR` set), plus `GIT_TERMINAL_PROMPT=0`
 * (never wait for a password), `GIT_OPTIONAL_LOCKS=0` (reads never rewrite the index) and
 * `LC_ALL=C` (messages we can quote). Throws a {@linkcode SolidifyError} `GIT_FAILED` on an
 * unexpected exit code.
 */
export async function _git(
  cwd: string,
  args: readonly string[],
  options: _GitOptions = {},
): Promise<_GitOutput> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && (!key.startsWith("GIT_") || KEPT_GIT_VARS.has(key))) {
      env[key] = value;
    }
  }
  Object.assign(env, { GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" });
  if (options.indexFile !== undefined) env.GIT_INDEX_FILE = options.indexFile;
  const result = await _spawnBounded(["git", ...BASE_ARGS, ...args], {
    cwd,
    env,
    input: options.input,
    timeoutMs: GIT_TIMEOUT_MS,
    maxOutputBytes: options.maxOutputBytes ?? GIT_MAX_OUTPUT_BYTES,
    keep: "head",
  });
  const stderr = new TextDecoder().decode(result.stderr.bytes()).trim();
  const code = result.code ?? -1;
  if (code === 0 || options.okCodes?.includes(code)) {
    return { code, stdout: result.stdout.bytes(), stdoutTotal: result.stdout.total, stderr };
  }
  const why = result.error ??
    (result.timedOut
      ? `timed out after ${GIT_TIMEOUT_MS} ms`
      : `exit ${result.code ?? result.signal}`);
  throw new SolidifyError(
    "GIT_FAILED",
    `git ${args.join(" ")} failed in ${cwd} (${why})${stderr ? `: ${stderr.split("\n")[0]}` : ""}`,
  );
}

/** {@linkcode _git}, stdout as text with the trailing newline removed. */
export async function _gitText(
  cwd: string,
  args: readonly string[],
  options: _GitOptions = {},
): Promise<string> {
  const { stdout } = await _git(cwd, args, options);
  return new TextDecoder().decode(stdout).replace(/\n$/, "");
}

/** Splits NUL-terminated `-z` output into its fields. */
export function _splitZ(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes);
  const fields = text.split("\0");
  if (fields.at(-1) === "") fields.pop();
  return fields;
}
