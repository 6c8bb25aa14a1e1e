import { inspectSandbox, probeUrl } from "../sandbox/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type GlobalOptions, loadContext } from "./context.ts";
import { EXIT } from "./exit_codes.ts";
import { formatTable, printJson } from "./output.ts";
import { UsageError } from "./usage_error.ts";

/** `lshml sandbox`: what this configuration needs, holds and lacks (loaded only when it runs). */
export async function sandboxAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: { readonly json: boolean },
): Promise<void> {
  const { json } = options;
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

/** `lshml sandbox probe URL`: can this process reach it? (loaded only when it runs) */
export async function sandboxProbeAction(
  deps: CommandDeps,
  options: { readonly url: string; readonly json: boolean },
): Promise<void> {
  const { url, json } = options;
  if (!/^https?:\/\//.test(url)) {
    throw new UsageError(`probe needs an http(s) URL, got "${url}"`);
  }
  const result = await probeUrl(url);
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
}
