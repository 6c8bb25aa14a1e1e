import { describeHomeSource } from "../config/mod.ts";
import type { DoctorReport, FileReport } from "../doctor/mod.ts";
import { runDoctor } from "../doctor/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type CommandContext, type GlobalOptions, loadContext } from "./context.ts";
import { EXIT } from "./exit_codes.ts";
import { formatTable, printJson } from "./output.ts";

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function fileLine(f: FileReport): string[] {
  const h = f.health;
  switch (h.status) {
    case "missing":
      return [f.file, "not yet created", f.purpose];
    case "ok": {
      const what = h.records !== undefined ? `${h.records} records` : `format v${h.version}`;
      const notes = h.notes.length > 0 ? ` (${h.notes.length} note(s))` : "";
      return [f.file, `ok, ${what}, ${size(h.bytes)}${notes}`, f.purpose];
    }
    case "corrupt":
    case "unreadable":
      return [f.file, `${h.status.toUpperCase()}: ${h.reason}`, f.purpose];
  }
}

function sandboxLines(report: DoctorReport): string[] {
  if (!("network" in report.sandbox)) return ["sandbox   not running under Deno: no sandbox"];
  const s = report.sandbox;
  return [
    `sandbox   network ${s.network}; ${s.missing.length} missing, ${s.wider.length} wider than needed`,
    `          flags for this config: ${s.flags.join(" ")}`,
  ];
}

function ollamaLine(report: DoctorReport): string {
  const { url, used, probe } = report.ollama;
  const state = "checked" in probe
    ? `not checked (${probe.why})`
    : probe.reachable
    ? `reachable, version ${probe.version}`
    : `not reachable (${probe.error})`;
  return `ollama    ${url}: ${state}; ${used ? "in use" : "not in use"}`;
}

function openclawLine(report: DoctorReport): string {
  const { stateDir, probe } = report.openclaw;
  if ("checked" in probe) return `openclaw  ${stateDir}: ${probe.why}`;
  if (probe.error) return `openclaw  ${stateDir}: ${probe.error}`;
  if (!probe.exists) return `openclaw  ${stateDir}: not found`;
  const agents = probe.agents.map((a) =>
    `${a.name} (${a.sqlite ? "sqlite store" : "no sqlite store"}, ${a.sessionFiles} session files)`
  );
  return `openclaw  ${stateDir}: ${agents.length > 0 ? agents.join(", ") : "no agents yet"}`;
}

function printReport(deps: CommandDeps, report: DoctorReport): void {
  const { io } = deps.cli;
  io.out(`lshml doctor: ${report.ok ? "everything needed works" : "PROBLEMS FOUND"}`);
  io.out("");
  const home = report.home;
  io.out(
    `home      ${home.dir} (${describeHomeSource(home.source)}); ` +
      `${home.exists ? "exists" : "not created yet"}, ${
        home.writable ? "writable" : "NOT WRITABLE"
      }`,
  );
  io.out(`config    ${report.configFile.path}${report.configFile.present ? "" : " (none)"}`);
  io.out("data files");
  io.out(formatTable(report.files.map(fileLine).map((r) => [`  ${r[0]}`, r[1] ?? "", r[2] ?? ""])));
  for (const line of sandboxLines(report)) io.out(line);
  io.out(ollamaLine(report));
  io.out(openclawLine(report));
  const enabled = Object.entries(report.enabled).map(([k, v]) => `${k}=${v}`).join(" ");
  io.out(`enabled   ${enabled}`);
  io.out(
    `runtime   ${report.runtime.name} ${report.runtime.version}` +
      (report.runtime.compiled ? " (compiled binary)" : ""),
  );
  if (report.problems.length > 0) {
    io.out("\nproblems:");
    for (const p of report.problems) io.out(`  - ${p}`);
  }
  if (report.warnings.length > 0) {
    io.out("\nwarnings:");
    for (const w of report.warnings) io.out(`  - ${w}`);
  }
}

/** Runs the doctor over a command's context. */
export function examine(context: CommandContext): Promise<DoctorReport> {
  const { cli } = context;
  return runDoctor({
    home: context.home,
    effective: context.effective,
    needs: context.needs,
    query: cli.query,
    env: cli.env,
    cwd: cli.cwd,
    runtime: cli.runtime,
    configFilePresent: context.configFilePresent,
  });
}

/** Options of `lshml doctor`. */
export interface DoctorOptions {
  readonly json?: boolean;
}

/** What `lshml doctor` does once its flags are parsed (loaded only when it runs). */
export async function doctorAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: DoctorOptions,
): Promise<void> {
  const context = await loadContext(deps.cli, globals);
  const report = await examine(context);
  if (options.json) printJson(deps.cli.io, report);
  else printReport(deps, report);
  deps.setExit(report.ok ? EXIT.ok : EXIT.failure);
}
