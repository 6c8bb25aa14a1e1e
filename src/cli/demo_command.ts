import type { Command } from "@commander-js/extra-typings";
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Home } from "../config/mod.ts";
import { runScan } from "../scan/mod.ts";
import { logFileSource, openclawSources } from "../signals/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import {
  type CommandContext,
  type GlobalOptions,
  loadContext,
  needsOf,
  requirePermissions,
} from "./context.ts";
import { examine } from "./doctor_command.ts";
import { EXIT } from "./exit_codes.ts";
import { printJson } from "./output.ts";
import { printScanReport } from "./scan_command.ts";
import { UsageError } from "./usage_error.ts";

/** Marks a folder as the demo's own, so a re-run may wipe it and nothing else. */
const DEMO_MARKER = ".lshml-demo";

async function freshDemoHome(dir: string): Promise<void> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing && existing.length > 0) {
    const marked = await stat(join(dir, DEMO_MARKER)).then(() => true, () => false);
    if (!marked) throw new UsageError(`${dir} exists and is not a demo home; not touching it`);
    await rm(dir, { recursive: true });
  }
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, DEMO_MARKER), "created by `lshml demo`; safe to delete\n");
}

function demoContext(context: CommandContext, dir: string): CommandContext {
  const home: Home = { dir, source: "flag" };
  return {
    ...context,
    home,
    needs: needsOf(context.cli, context.effective, home),
    configFilePresent: false,
  };
}

/** `lshml demo`: a fresh demo home, the doctor, and a real scan of the bundled sample. */
export function registerDemoCommand(program: Command, deps: CommandDeps): void {
  program
    .command("demo")
    .description("run lshml on the bundled sample (a real OpenClaw store and a log) in a demo home")
    .option("--json", "print JSON for machines")
    .addHelpText(
      "after",
      `
The demo home is <home>/memory/demo; it is recreated on every run. The sample is
samples/openclaw (a store written by a real OpenClaw 2026.9, in four languages)
and samples/logs.`,
    )
    .action(async (options, command) => {
      const base = await loadContext(deps.cli, command.optsWithGlobals() as GlobalOptions);
      const context = demoContext(base, join(base.home.dir, "memory", "demo"));
      await requirePermissions(context, ["home", "self"]);
      await freshDemoHome(context.home.dir);
      const doctor = await examine(context);
      const samples = join(deps.cli.installDir, "samples");
      const readers = [
        ...await openclawSources(join(samples, "openclaw")),
        logFileSource(join(samples, "logs", "gateway.log")),
      ];
      const { report } = await runScan({ home: context.home.dir, readers, now: deps.cli.now });
      deps.setExit(doctor.ok ? EXIT.ok : EXIT.failure);
      if (options.json) {
        printJson(deps.cli.io, { demoHome: context.home.dir, doctor, scan: report });
        return;
      }
      const { io } = deps.cli;
      const network = "network" in doctor.sandbox ? doctor.sandbox.network : "no sandbox";
      io.out(`demo home: ${context.home.dir}`);
      io.out(`doctor:    ${doctor.ok ? "ok" : `PROBLEMS: ${doctor.problems.join("; ")}`}`);
      io.out(`sandbox:   network ${network}\n`);
      printScanReport(io, report);
      const home = relative(deps.cli.cwd, context.home.dir) || ".";
      io.out(`\nlook closer:  deno task start clusters --home ${home}`);
      io.out(`              deno task start clusters show <id> --home ${home}`);
    });
}
