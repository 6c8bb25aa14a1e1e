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

function environment(): CliEnvironment {
  const mainModule = fileURLToPath(import.meta.url);
  const installDir = dirname(mainModule);
  const compiled = Deno.build.standalone;
  const encoder = new TextEncoder();
  return {
    io: {
      out: (text) => Deno.stdout.writeSync(encoder.encode(`${text}\n`)),
      err: (text) => Deno.stderr.writeSync(encoder.encode(`${text}\n`)),
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
