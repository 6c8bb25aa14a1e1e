import { type CycleResult, nextLoopStep, replayEvent, runCycle } from "../evolve/mod.ts";
import { expandPath, type FlagSetting, userHomeDir } from "../config/mod.ts";
import type { CliIo } from "./cli_env.ts";
import type { CommandDeps } from "./command_deps.ts";
import {
  type CommandContext,
  type GlobalOptions,
  loadContext,
  requirePermissions,
} from "./context.ts";
import { engineEmbedders } from "./engine_embedder.ts";
import { EXIT } from "./exit_codes.ts";
import { printJson } from "./output.ts";
import { readersFor } from "./scan_action.ts";
import { UsageError } from "./usage_error.ts";
import { join } from "node:path";
import { readLockHolder, tryLock } from "../store/mod.ts";

/** Options of `lshml run`. */
export interface RunOptions {
  readonly review?: boolean;
  readonly loop?: boolean;
  readonly replay?: string;
  readonly source?: string[];
  readonly strategy?: string;
  readonly mode?: string;
  readonly seed?: string;
  readonly wait?: boolean;
  readonly json?: boolean;
}

function flagSettings(options: RunOptions): FlagSetting[] {
  const flags: FlagSetting[] = [];
  if (options.strategy) {
    flags.push({ key: "evolve.strategy", value: options.strategy, flag: "--strategy" });
  }
  if (options.mode) flags.push({ key: "evolve.mode", value: options.mode, flag: "--mode" });
  return flags;
}

/** One cycle as a few lines a person can read in a cron mail or a terminal. */
export function printCycle(io: CliIo, result: CycleResult): void {
  if (result.status === "busy") {
    const holder = result.holder;
    io.out(
      `another cycle holds the lock${
        holder ? ` (pid ${holder.pid}, ${holder.purpose} since ${holder.since})` : ""
      }; nothing to do`,
    );
    return;
  }
  const { decision, scan } = result;
  io.out(
    `cycle ${result.cycle} — strategy ${decision.strategy.strategy} (${decision.strategy.reason})`,
  );
  const events = scan.sources.reduce((n, s) => n + s.events + s.lines, 0);
  io.out(
    `  scan: ${scan.sources.length} source(s), ${events} new events/lines, ` +
      `${scan.signals.total} signals, ${scan.clusters.new.length} new cluster(s)`,
  );
  for (const outcome of result.outcomes) {
    io.out(
      `  feedback: fix ${outcome.eventId} (${outcome.geneId} on ${outcome.clusterId}) ` +
        `${outcome.status.toUpperCase()} — ${outcome.reason}`,
    );
  }
  if (!decision.target || !decision.gene) {
    io.out(`  decision: nothing to evolve (${decision.intent.reason})`);
    return;
  }
  io.out(
    `  decision: ${decision.intent.intent} ${decision.target.key} ` +
      `"${
        decision.target.text.slice(0, 80)
      }" (×${decision.target.now} now, ${decision.target.total} in all)`,
  );
  const choice = decision.choice;
  io.out(
    `    gene ${decision.gene.id} (score ${choice?.gene.score.toFixed(2)}` +
      `${choice?.explored ? ", explored" : ""})`,
  );
  for (const reason of choice?.gene.reasons.slice(0, 3) ?? []) io.out(`      - ${reason}`);
  const others = decision.ranked.filter((r) => r.geneId !== decision.gene?.id).slice(0, 3);
  if (others.length > 0) {
    io.out(
      `    alternatives: ${others.map((r) => `${r.geneId} ${r.score.toFixed(2)}`).join(", ")}`,
    );
  }
  const status = result.event?.outcome.status ?? "skipped";
  const detail = status === "advised"
    ? `active fix, watched from now on; GEP prompt → ${result.promptFile}`
    : status === "pending_review"
    ? `waiting for review: lshml review --approve ${result.event?.id}`
    : result.execute
    ? `${result.execute.reasons.join("; ") || "validated"}`
    : "";
  io.out(`  ${status}${detail ? `: ${detail}` : ""} (event ${result.event?.id})`);
}

/** Execute mode's workspace (expanded) and the engine's own checkout, which it protects. */
export function executeContext(
  context: CommandContext,
): { workspace?: string; engineRoot?: string } {
  const { workspace } = context.effective.config.evolve;
  return {
    ...(workspace ? { workspace: expandPath(workspace, context.cli) } : {}),
    ...(context.cli.checkoutDir ? { engineRoot: context.cli.checkoutDir } : {}),
  };
}

async function oneCycle(context: CommandContext, options: RunOptions, wait: boolean) {
  const { cli } = context;
  // No sources (no OpenClaw yet) is fine for a cycle: the watched fixes still advance.
  const { readers } = await readersFor(context, options.source ?? []);
  const { embedder } = await engineEmbedders(context);
  const homeDir = userHomeDir(cli.env);
  return await runCycle({
    home: context.home.dir,
    config: context.effective.config,
    readers,
    now: cli.now,
    embedder,
    review: options.review === true,
    wait,
    ...executeContext(context),
    ...(options.seed !== undefined ? { seed: Number(options.seed) } : {}),
    ...(homeDir ? { homeDirs: [homeDir] } : {}),
  });
}

/** Held for a loop's lifetime: one `lshml run --loop` per home. */
function loopLockPath(home: string): string {
  return join(home, "memory", ".loop.lock");
}

async function loop(deps: CommandDeps, context: CommandContext, options: RunOptions) {
  const { io } = deps.cli;
  const { config } = context.effective;
  const single = await tryLock(loopLockPath(context.home.dir), { purpose: "lshml run --loop" });
  if (!single) {
    const holder = readLockHolder(loopLockPath(context.home.dir));
    io.out(
      `another lshml run --loop is running${
        holder ? ` (pid ${holder.pid}, since ${holder.since})` : ""
      }`,
    );
    return;
  }
  let stopping = false;
  let wake: () => void = () => undefined;
  const remove = deps.cli.onInterrupt(() => {
    stopping = true;
    io.err("lshml: stopping after this cycle");
    wake();
  });
  const sleep = (seconds: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, seconds * 1000);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  try {
    let lastSleep = 0;
    let busy = true;
    while (!stopping) {
      const load = deps.cli.loadAverage();
      const bounds = { min: config.evolve.loopMinSeconds, max: config.evolve.loopMaxSeconds };
      if (load > config.evolve.loadMax) {
        const step = nextLoopStep(
          { lastSleep, busy, load, loadMax: config.evolve.loadMax },
          bounds,
        );
        io.out(`loop: ${step.reason}`);
        lastSleep = step.sleepSeconds;
        await sleep(step.sleepSeconds);
        continue;
      }
      const result = await oneCycle(context, options, false);
      if (options.json) io.out(JSON.stringify(summary(result)));
      else printCycle(io, result);
      busy = result.status === "ran" && result.busy;
      if (stopping) break;
      const step = nextLoopStep({ lastSleep, busy, load, loadMax: config.evolve.loadMax }, bounds);
      if (!options.json) io.out(`loop: ${step.reason}`);
      lastSleep = step.sleepSeconds;
      await sleep(step.sleepSeconds);
    }
  } finally {
    remove();
    single.release();
  }
}

/** What `--json` prints of a cycle: everything but the bulky scan internals. */
function summary(result: CycleResult) {
  if (result.status === "busy") return result;
  return {
    status: result.status,
    cycle: result.cycle,
    strategy: result.decision.strategy,
    intent: result.decision.intent,
    target: result.decision.target,
    gene: result.decision.gene?.id ?? null,
    explored: result.decision.choice?.explored ?? false,
    outcomes: result.outcomes,
    event: result.event,
    promptFile: result.promptFile,
    execute: result.execute,
    scan: result.scan,
  };
}

/**
 * What `lshml run` does once its flags are parsed: one cycle, `--replay` of a recorded
 * decision, or `--loop`. Loaded only when `run` is the command (see `run_command.ts`).
 */
export async function runAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: RunOptions,
): Promise<void> {
  const context = await loadContext(deps.cli, globals, flagSettings(options));
  await requirePermissions(context, ["home"]);
  if (options.replay) {
    const replay = await replayEvent(context.home.dir, options.replay);
    if (options.json) printJson(deps.cli.io, replay);
    else {
      deps.cli.io.out(
        `${replay.eventId}: recorded ${replay.recorded.intent}/${replay.recorded.gene}, ` +
          `replayed ${replay.replayed.intent}/${replay.replayed.gene} — ` +
          (replay.same ? "the same decision" : "DIFFERENT"),
      );
    }
    deps.setExit(replay.same ? EXIT.ok : EXIT.failure);
    return;
  }
  if (options.loop && options.review) {
    throw new UsageError("--loop and --review do not go together: review decides one cycle");
  }
  if (options.loop) {
    await requirePermissions(context, ["loadavg"]);
    await loop(deps, context, options);
    return;
  }
  const result = await oneCycle(context, options, options.wait === true);
  if (options.json) printJson(deps.cli.io, summary(result));
  else printCycle(deps.cli.io, result);
}
