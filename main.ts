/**
 * The lshml command line: gather what the process offers, run, exit.
 * Everything else lives in src/ (see src/cli/program.ts).
 *
 * @module
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { CliEnvironment } from "./src/cli/cli_env.ts";
import { runCli } from "./src/cli/program.ts";
import { denoPermissionQuery } from "./src/sandbox/mod.ts";

/**
 * Writes all of `bytes` (a pipe may take them in pieces). When the reader has gone away
 * (`lshml memory list | head`), stops quietly the way Unix tools do on SIGPIPE.
 */
function writeAll(stream: { writeSync(p: Uint8Array): number }, bytes: Uint8Array): void {
  try {
    for (let at = 0; at < bytes.length;) at += stream.writeSync(bytes.subarray(at));
  } catch (error) {
    if (error instanceof Deno.errors.BrokenPipe) Deno.exit(0);
    throw error;
  }
}

function environment(): CliEnvironment {
  const mainModule = fileURLToPath(import.meta.url);
  const installDir = dirname(mainModule);
  const compiled = Deno.build.standalone;
  const encoder = new TextEncoder();
  return {
    io: {
      out: (text) => writeAll(Deno.stdout, encoder.encode(`${text}\n`)),
      err: (text) => writeAll(Deno.stderr, encoder.encode(`${text}\n`)),
      isTTY: Deno.stderr.isTerminal(),
      progress: (text) => {
        if (Deno.stderr.isTerminal()) Deno.stderr.writeSync(encoder.encode(`\r\x1b[K${text}`));
      },
      readStdin: () => new Response(Deno.stdin.readable).text(),
    },
    args: Deno.args,
    env: Deno.env.toObject(),
    cwd: Deno.cwd(),
    installDir,
    checkoutDir: compiled ? undefined : installDir,
    mainModule: compiled ? undefined : mainModule,
    query: denoPermissionQuery(),
    runtime: { name: "deno", version: Deno.version.deno, compiled },
    execPath: Deno.execPath(),
    now: () => new Date(),
    loadAverage: () => Deno.loadavg()[0] ?? 0,
    onInterrupt: (handler) => {
      const signals = ["SIGINT", "SIGTERM"] as const;
      for (const signal of signals) Deno.addSignalListener(signal, handler);
      return () => {
        for (const signal of signals) Deno.removeSignalListener(signal, handler);
      };
    },
  };
}

if (import.meta.main) {
  Deno.exit(await runCli(environment()));
}
