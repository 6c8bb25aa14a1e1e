import { resolve } from "node:path";
import { expandPath, userHomeDir } from "../config/mod.ts";
import type { PermissionNeed } from "../sandbox/mod.ts";
import { runScan, type ScanReport } from "../scan/mod.ts";
import { openclawSources, type SourceReader, sourcesAt, stdinSource } from "../signals/mod.ts";
import type { CliIo } from "./cli_env.ts";
import type { CommandDeps } from "./command_deps.ts";
import { engineEmbedders } from "./engine_embedder.ts";
import {
  type CommandContext,
  type GlobalOptions,
  loadContext,
  requirePermissions,
} from "./context.ts";
import { formatTable, printJson } from "./output.ts";
import { UsageError } from "./usage_error.ts";

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

function counts(record: Readonly<Record<string, number>>): string {
  return Object.entries(record).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ");
}

/** The readers for `--source` values (default: the configured OpenClaw state directory). */
export async function readersFor(
  context: CommandContext,
  sources: readonly string[],
): Promise<{ readers: SourceReader[]; openclaw: boolean }> {
  const { cli } = context;
  if (sources.length === 0) {
    await requirePermissions(context, ["home", "openclaw"]);
    const stateDir = expandPath(context.effective.config.openclaw.stateDir, cli);
    return { readers: await openclawSources(stateDir), openclaw: true };
  }
  const paths = sources.filter((s) => s !== "-").map((s) => resolve(cli.cwd, expandPath(s, cli)));
  const reads = paths.map((value): PermissionNeed => ({
    kind: "read",
    value,
    purpose: "openclaw",
    why: "read a --source",
  }));
  await requirePermissions(context, ["home"], reads);
  const readers: SourceReader[] = [];
  for (const source of sources) {
    if (source === "-") readers.push(stdinSource(await cli.io.readStdin()));
    else readers.push(...await sourcesAt(resolve(cli.cwd, expandPath(source, cli))));
  }
  return { readers, openclaw: false };
}

/** The human-readable scan report (also printed by `lshml demo`). */
export function printScanReport(io: CliIo, report: ScanReport): void {
  const seconds = (report.durationMs / 1000).toFixed(2);
  io.out(`scan #${report.seq}: ${report.sources.length} source(s) in ${seconds} s`);
  io.out(formatTable(report.sources.map((s) => [
    `  ${s.label}`,
    s.kind === "log" || s.kind === "stdin" ? `${s.lines} new lines` : `${s.events} new events`,
    kb(s.bytes),
    `${s.signals} signals`,
    s.malformed > 0 ? `${s.malformed} malformed (skipped)` : "",
    s.restarted ? "rotated: read from the start" : "",
  ])));
  io.out(
    `\nsignals: ${report.signals.total}${
      report.signals.total ? ` — ${counts(report.signals.byType)}` : ""
    }`,
  );
  if (report.signals.total > 0) io.out(`languages: ${counts(report.signals.byLang)}`);
  const { clusters } = report;
  io.out(
    `\nclusters: ${clusters.total} in all; ${clusters.new.length} new, ${clusters.known.length} seen again`,
  );
  const rows = [
    ...clusters.new.map((c) => ["  NEW", c.id, `×${c.seenNow}`, c.template]),
    ...clusters.known.map((
      c,
    ) => ["  again", c.id, `×${c.seenNow} (${c.count} total, ${c.trend})`, c.template]),
  ];
  if (rows.length > 0) io.out(formatTable(rows.slice(0, 20)));
  if (rows.length > 20) io.out(`  … and ${rows.length - 20} more (lshml clusters list)`);
  for (const m of clusters.merged) {
    io.out(`  merged ${m.from} into ${m.into} (similarity ${m.similarity.toFixed(2)})`);
  }
  if (report.malformed.total > 0) {
    io.out(`\nmalformed: ${report.malformed.total} skipped, e.g.`);
    for (const m of report.malformed.examples) io.out(`  ${m.source} #${m.position}: ${m.reason}`);
  }
  if (report.recovery.status !== "none") {
    io.out(`\nrecovered an interrupted commit: ${JSON.stringify(report.recovery)}`);
  }
}

/** Options of `lshml scan`. */
export interface ScanOptions {
  readonly source?: string[];
  readonly json?: boolean;
  readonly signals?: boolean;
}

/** What `lshml scan` does once its flags are parsed (loaded only when it runs). */
export async function scanAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: ScanOptions,
): Promise<void> {
  const context = await loadContext(deps.cli, globals);
  const { readers, openclaw } = await readersFor(context, options.source ?? []);
  if (readers.length === 0) {
    const where = openclaw
      ? `no OpenClaw agents under ${
        expandPath(context.effective.config.openclaw.stateDir, deps.cli)
      }`
      : "no readable sources at the given paths";
    throw new UsageError(`${where}; pass --source PATH (see lshml scan --help)`);
  }
  const { io } = deps.cli;
  const homeDir = userHomeDir(deps.cli.env);
  const embedder = (await engineEmbedders(context)).semantic;
  const { report } = await runScan({
    ...(embedder ? { embedder } : {}),
    home: context.home.dir,
    readers,
    now: deps.cli.now,
    ...(homeDir ? { homeDirs: [homeDir] } : {}),
    ...(options.signals ? { onSignal: (s) => io.out(JSON.stringify(s)) } : {}),
    onProgress: (done, total, source) =>
      io.progress(`scanning ${done}/${total}: ${source.label} (${kb(source.bytes)})`),
  });
  io.progress("");
  if (options.signals) io.err(`scan #${report.seq}: ${report.signals.total} signals`);
  else if (options.json) printJson(io, report);
  else printScanReport(io, report);
}
