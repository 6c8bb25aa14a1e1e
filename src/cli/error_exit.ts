import { ConfigError } from "../config/mod.ts";
import { SandboxError } from "../sandbox/mod.ts";
import { LockTimeoutError, StoreCorruptError, StoreVersionError } from "../store/mod.ts";
import type { CliIo } from "./cli_env.ts";
import { EXIT, type ExitCode } from "./exit_codes.ts";
import { UsageError } from "./usage_error.ts";

/** Maps an error to its exit code. The one place errors become codes. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof ConfigError) return EXIT.usage;
  if (error instanceof SandboxError) return EXIT.sandbox;
  if (error instanceof StoreCorruptError || error instanceof StoreVersionError) return EXIT.data;
  return EXIT.failure;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : "ERROR";
}

/**
 * Reports an error the way a user can act on: the message on stderr (with the
 * cause chain for unexpected errors), and a JSON error object on stdout when the
 * command was asked for `--json`.
 */
export function reportError(io: CliIo, error: unknown, json: boolean): ExitCode {
  const code = exitCodeFor(error);
  const message = error instanceof Error ? error.message : String(error);
  const expected = code !== EXIT.failure || error instanceof LockTimeoutError;
  io.err(`lshml: ${message}`);
  if (!expected && error instanceof Error) {
    let cause: unknown = error.cause;
    while (cause instanceof Error) {
      io.err(`  caused by: ${cause.message}`);
      cause = cause.cause;
    }
    if (error.stack) io.err(error.stack.split("\n").slice(1, 6).join("\n"));
  }
  if (json) {
    io.out(JSON.stringify({ ok: false, error: { code: codeOf(error), message } }, null, 2));
  }
  return code;
}
