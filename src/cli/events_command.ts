import type { Command } from "@commander-js/extra-typings";
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

async function context(deps: CommandDeps, command: { optsWithGlobals(): unknown }) {
  const ctx = await loadContext(deps.cli, command.optsWithGlobals() as GlobalOptions);
  await requirePermissions(ctx, ["home"]);
  return ctx;
}

const json = (command: { optsWithGlobals(): unknown }) =>
  (command.optsWithGlobals() as { json?: boolean }).json === true;

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

/** `lshml events [list]` and `lshml events verify`. */
export function registerEventsCommand(program: Command, deps: CommandDeps): void {
  const events = program
    .command("events")
    .description("the audit trail of evolutions (assets/gep/events.jsonl); verify its hashes")
    .option("--json", "print JSON for machines")
    .option("--limit <n>", "show at most the last N events", "30")
    .addHelpText(
      "after",
      `
Every evolution event, gene and capsule carries asset_id = sha256 of its
canonical JSON; every event names its parent. \`verify\` re-hashes everything
and checks the chain; a changed byte is reported with its file and line.

Examples:
  lshml events              the last 30 events
  lshml events verify       exit 0 when the audit trail is intact, 1 otherwise`,
    )
    .action(async (options, command) => {
      const ctx = await context(deps, command);
      await list(deps, ctx, options.json === true, Number(options.limit));
    });
  events
    .command("list")
    .description("the last evolution events")
    .action(async (_options, command) => {
      const ctx = await context(deps, command);
      const limit = Number((command.optsWithGlobals() as { limit?: string }).limit ?? 30);
      await list(deps, ctx, json(command), limit);
    });
  events
    .command("verify")
    .description("re-hash every gene, capsule and event and check the chain; exit 1 on tampering")
    .action(async (_options, command) => {
      await verify(deps, await context(deps, command), json(command));
    });
}
