import { readEvents, verifyAssets } from "../gep/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import {
  type CommandContext,
  type GlobalOptions,
  loadContext,
  requirePermissions,
} from "./context.ts";
import { EXIT } from "./exit_codes.ts";
import { formatTable, printJson } from "./output.ts";

async function context(deps: CommandDeps, globals: GlobalOptions) {
  const ctx = await loadContext(deps.cli, globals);
  await requirePermissions(ctx, ["home"]);
  return ctx;
}

async function list(deps: CommandDeps, ctx: CommandContext, asJson: boolean, limit: number) {
  const { events, problems } = await readEvents(ctx.home.dir);
  const shown = events.slice(-limit);
  if (asJson) {
    printJson(deps.cli.io, { total: events.length, events: shown.map((e) => e.event), problems });
    return;
  }
  if (events.length === 0) {
    deps.cli.io.out("no evolution events yet: `lshml run` records one per cycle that evolves");
    return;
  }
  const rows = [["ID", "CYCLE", "INTENT", "MODE", "CLUSTER", "GENE", "OUTCOME"]];
  for (const { event } of shown) {
    rows.push([
      event.id,
      String(event.cycle),
      event.intent,
      event.mode,
      event.cluster_id ?? "-",
      event.selector.selected ?? "-",
      event.outcome.status,
    ]);
  }
  deps.cli.io.out(formatTable(rows));
  if (problems.length > 0) {
    deps.cli.io.out(`\n${problems.length} problem(s) reading the log: run \`lshml events verify\``);
  }
}

async function verify(deps: CommandDeps, ctx: CommandContext, asJson: boolean) {
  const report = await verifyAssets(ctx.home.dir);
  deps.setExit(report.ok ? EXIT.ok : EXIT.failure);
  if (asJson) {
    printJson(deps.cli.io, report);
    return;
  }
  const { io } = deps.cli;
  for (const file of report.files) {
    const bad = file.problems.filter((p) => p.integrity).length;
    const state = !file.exists ? "not yet created" : bad === 0 ? "ok" : `${bad} PROBLEM(S)`;
    io.out(`${file.file}: ${file.checked} asset(s) checked, ${state}`);
  }
  for (const p of report.problems) {
    const where = p.line !== undefined ? `:${p.line}` : p.index !== undefined ? `[${p.index}]` : "";
    io.out(`  ${p.file}${where} ${p.kind}${p.id ? ` (${p.id})` : ""}: ${p.message}`);
  }
  io.out(
    report.ok
      ? `\nverified: every asset hashes to its id and the event chain is unbroken`
      : `\nINTEGRITY PROBLEMS FOUND: the audit trail was changed after it was written`,
  );
}

/** `lshml events [list]`: the last evolution events (loaded only when it runs). */
export async function eventsListAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: { readonly json: boolean; readonly limit: number },
): Promise<void> {
  const ctx = await context(deps, globals);
  await list(deps, ctx, options.json, options.limit);
}

/** `lshml events verify`: re-hash the audit trail; exit 1 on tampering (loaded only when it runs). */
export async function eventsVerifyAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: { readonly json: boolean },
): Promise<void> {
  await verify(deps, await context(deps, globals), options.json);
}
