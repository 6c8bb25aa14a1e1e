import type { Command } from "@commander-js/extra-typings";
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Home } from "../config/mod.ts";
import { inventorySources } from "../demo/mod.ts";
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
import { formatTable, printJson } from "./output.ts";
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
  const { cli, effective } = context;
  return { ...context, home, needs: needsOf(cli, effective, home), configFilePresent: false };
}

/** `lshml demo`: doctor on a fresh demo home, then a dry run over the bundled sample. */
export function registerDemoCommand(program: Command, deps: CommandDeps): void {
  program
    .command("demo")
    .description("show lshml on the bundled sample data, in a throw-away demo home")
    .option("--json", "print JSON for machines")
    .addHelpText(
      "after",
      `
The demo home is <home>/memory/demo; it is recreated on every run.`,
    )
    .action(async (options, command) => {
      const base = await loadContext(deps.cli, command.optsWithGlobals() as GlobalOptions);
      const context = demoContext(base, join(base.home.dir, "memory", "demo"));
      await requirePermissions(context, ["home", "self"]);
      await freshDemoHome(context.home.dir);
      const doctor = await examine(context);
      const sampleDir = join(deps.cli.installDir, "samples");
      const sources = await inventorySources(sampleDir);
      deps.setExit(doctor.ok ? EXIT.ok : EXIT.failure);
      if (options.json) {
        printJson(deps.cli.io, { demoHome: context.home.dir, doctor, sampleDir, sources });
        return;
      }
      const { io } = deps.cli;
      io.out(`demo home: ${context.home.dir}`);
      io.out(`doctor:    ${doctor.ok ? "ok" : `PROBLEMS: ${doctor.problems.join("; ")}`}`);
      const network = "network" in doctor.sandbox ? doctor.sandbox.network : "no sandbox";
      io.out(`sandbox:   network ${network}`);
      io.out(`\ndry run: a scan of ${sampleDir} would read (nothing is written):`);
      io.out(formatTable(sources.map((s) => [
        `  ${s.path}`,
        s.kind,
        `${s.bytes} bytes`,
        s.entries === undefined
          ? ""
          : `${s.entries} entries${s.malformed ? `, ${s.malformed} malformed` : ""}`,
      ])));
    });
}
