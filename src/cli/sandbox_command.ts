import type { Command } from "@commander-js/extra-typings";
import { inspectSandbox, probeUrl } from "../sandbox/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type GlobalOptions, loadContext } from "./context.ts";
import { EXIT } from "./exit_codes.ts";
import { formatTable, printJson } from "./output.ts";
import { UsageError } from "./usage_error.ts";

async function showSandbox(deps: CommandDeps, globals: GlobalOptions, json: boolean) {
  const context = await loadContext(deps.cli, globals);
  const query = deps.cli.query;
  const report = query ? await inspectSandbox(context.needs, context.home, query) : undefined;
  if (json) {
    printJson(deps.cli.io, { needs: context.needs, report: report ?? null });
    return;
  }
  const { io } = deps.cli;
  io.out("What this configuration needs:");
  io.out(formatTable(context.needs.map((n) => [`  ${n.kind}`, n.value ?? "(all)", n.why])));
  if (!report) {
    io.out("\nNot running under Deno: nothing enforces these here.");
    return;
  }
  io.out(`\nnetwork: ${report.network}`);
  io.out(`missing: ${report.missing.length === 0 ? "none" : ""}`);
  for (const n of report.missing) io.out(`  ${n.kind} ${n.value ?? "(all)"} (to ${n.why})`);
  io.out(`wider than needed: ${report.wider.length === 0 ? "none" : ""}`);
  for (const w of report.wider) io.out(`  ${w}`);
  io.out(`\nexact flags for this configuration:\n  ${report.flags.join(" ")}`);
}

/** `lshml sandbox` and `lshml sandbox probe URL`. */
export function registerSandboxCommand(program: Command, deps: CommandDeps): void {
  const sandbox = program
    .command("sandbox")
    .description("show the permissions lshml needs and holds; probe what it can reach")
    .option("--json", "print JSON for machines")
    .addHelpText(
      "after",
      `
By default lshml may only reach loopback (the dashboard and a local Ollama),
read and write its home, and read the OpenClaw state directory.

Examples:
  lshml sandbox                            needs, grants, gaps and the exact flags
  lshml sandbox probe https://example.com  show that the sandbox refuses it`,
    )
    .action(async (options, command) => {
      await showSandbox(deps, command.optsWithGlobals() as GlobalOptions, options.json === true);
    });

  sandbox
    .command("probe")
    .description("try to reach a URL under the current permissions")
    .argument("<url>", "an http(s) URL")
    .action(async (url, _options, command) => {
      if (!/^https?:\/\//.test(url)) {
        throw new UsageError(`probe needs an http(s) URL, got "${url}"`);
      }
      const result = await probeUrl(url);
      // `--json` after `probe` is parsed by the parent `sandbox` command; either asks for JSON.
      const json = (command.optsWithGlobals() as { json?: boolean }).json === true;
      if (json) printJson(deps.cli.io, { url, ...result });
      else if (result.outcome === "allowed") {
        deps.cli.io.out(`allowed: ${url} answered HTTP ${result.status}`);
      } else if (result.outcome === "refused") {
        deps.cli.io.out(`refused by the sandbox: ${result.error}`);
      } else deps.cli.io.out(`allowed by the sandbox, but unreachable: ${result.error}`);
      deps.setExit(
        result.outcome === "allowed"
          ? EXIT.ok
          : result.outcome === "refused"
          ? EXIT.sandbox
          : EXIT.failure,
      );
    });
}
