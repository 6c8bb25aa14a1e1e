import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Home } from "../config/mod.ts";
import { type FixStory, runDemo } from "../demo/mod.ts";
import type { CliIo } from "./cli_env.ts";
import type { CommandDeps } from "./command_deps.ts";
import { engineEmbedders } from "./engine_embedder.ts";
import { printCycle } from "./run_action.ts";
import {
  type CommandContext,
  type GlobalOptions,
  loadContext,
  needsOf,
  requirePermissions,
} from "./context.ts";
import { examine } from "./doctor_action.ts";
import { EXIT } from "./exit_codes.ts";
import { printJson } from "./output.ts";
import { printScanReport } from "./scan_action.ts";
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

function printStory(io: CliIo, fixes: readonly FixStory[], home: string): void {
  io.out("\nwhat became of each fix:");
  for (const fix of fixes) {
    const end = fix.outcome === null
      ? "still watched"
      : fix.outcome === "proven"
      ? `PROVEN in cycle ${fix.outcomeCycle} (3 clean cycles)`
      : `FAILED in cycle ${fix.outcomeCycle} (the error came back within 5 cycles)`;
    io.out(
      `  ${fix.eventId}  ${fix.clusterId}  ${fix.geneId}: active in cycle ${fix.appliedCycle} → ${end}`,
    );
  }
  io.out(`\nlook closer (the demo home is ${home}):`);
  io.out(`  deno task start clusters --home ${home}          the error clusters`);
  io.out(`  deno task start events --home ${home}            the audit trail of evolutions`);
  io.out(`  deno task start events verify --home ${home}     re-hash it and check the chain`);
  io.out(`  cat ${home}/memory/gep/ev-000001.md               the first fix's GEP prompt`);
}

/** Options of `lshml demo`. */
export interface DemoOptions {
  readonly json?: boolean;
}

/** What `lshml demo` does once its flags are parsed (loaded only when it runs). */
export async function demoAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: DemoOptions,
): Promise<void> {
  const base = await loadContext(deps.cli, globals);
  const context = demoContext(base, join(base.home.dir, "memory", "demo"));
  await requirePermissions(context, ["home", "self"]);
  await freshDemoHome(context.home.dir);
  const doctor = await examine(context);
  const { io } = deps.cli;
  if (!options.json) {
    const network = "network" in doctor.sandbox ? doctor.sandbox.network : "no sandbox";
    io.out(`demo home: ${context.home.dir}`);
    io.out(`doctor:    ${doctor.ok ? "ok" : `PROBLEMS: ${doctor.problems.join("; ")}`}`);
    io.out(`sandbox:   network ${network}\n`);
  }
  const { embedder } = await engineEmbedders(context);
  const demo = await runDemo({
    home: context.home.dir,
    samples: join(deps.cli.installDir, "samples"),
    config: context.effective.config,
    now: deps.cli.now,
    embedder,
    onCycle: (result, appended) => {
      if (options.json) return;
      for (const line of appended) io.out(`(the agent logs: ${line.slice(25)})`);
      if (result.status === "ran" && result.cycle === 1) {
        printScanReport(io, result.scan);
        io.out("");
      }
      printCycle(io, result);
      io.out("");
    },
  });
  deps.setExit(doctor.ok ? EXIT.ok : EXIT.failure);
  if (options.json) {
    printJson(io, {
      demoHome: context.home.dir,
      doctor,
      cycles: demo.cycles,
      fixes: demo.fixes,
    });
    return;
  }
  printStory(io, demo.fixes, relative(deps.cli.cwd, context.home.dir) || ".");
}
