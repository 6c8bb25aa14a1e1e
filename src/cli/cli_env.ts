import type { PermissionQuery } from "../sandbox/mod.ts";

/** Where the CLI writes. Commands never touch stdout/stderr directly, so tests can capture. */
export interface CliIo {
  /** Writes to standard output; a newline is added. */
  out(text: string): void;
  /** Writes to standard error; a newline is added. */
  err(text: string): void;
  /** Whether standard error is a terminal (progress displays only then). */
  readonly isTTY: boolean;
  /**
   * Redraws a one-line progress display on standard error when it is a
   * terminal; does nothing otherwise (cron and pipes stay quiet). An empty
   * text clears it.
   */
  progress(text: string): void;
  /** Reads all of standard input (for commands that take lines on stdin). */
  readStdin(): Promise<string>;
}

/** Everything the CLI takes from the process, gathered once by `main.ts`. */
export interface CliEnvironment {
  readonly io: CliIo;
  /** The program arguments as given (for commands lshml suggests). */
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Directory of `main.ts`: the checkout, or the binary's embedded file system. */
  readonly installDir: string;
  /** The source checkout lshml runs from; absent in a compiled binary. */
  readonly checkoutDir: string | undefined;
  /** Path of `main.ts` when run from source, for commands lshml suggests. */
  readonly mainModule: string | undefined;
  /** Deno's permission query; absent when not under Deno. */
  readonly query: PermissionQuery | undefined;
  readonly runtime: { readonly name: string; readonly version: string; readonly compiled: boolean };
  /** The program running lshml: the deno binary, or the compiled lshml binary. */
  readonly execPath: string;
  /** Wall clock; tests pass a fixed one. */
  readonly now: () => Date;
  /** The 1-minute load average (`EVOLVE_LOAD_MAX` compares against it). */
  readonly loadAverage: () => number;
  /**
   * Calls `handler` on SIGINT or SIGTERM instead of dying, so a loop can finish
   * its cycle and leave cleanly. Returns a function that removes the handler.
   */
  onInterrupt(handler: () => void): () => void;
}
