import { resolve } from "node:path";
import { expandPath } from "../config/mod.ts";
import { solidifyByHand } from "../evolve/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type GlobalOptions, loadContext, requirePermissions } from "./context.ts";
import { EXIT } from "./exit_codes.ts";
import { printJson } from "./output.ts";
import { UsageError } from "./usage_error.ts";

/** Options of `lshml solidify`. */
export interface SolidifyOptions {
  readonly workspace?: string;
  readonly gene?: string;
  readonly since: string;
  readonly record?: boolean;
  readonly json?: boolean;
}

/** What `lshml solidify` does once its flags are parsed (loaded only when it runs). */
export async function solidifyAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: SolidifyOptions,
): Promise<void> {
  const context = await loadContext(deps.cli, globals);
  const configured = options.workspace ?? context.effective.config.evolve.workspace;
  if (!configured) {
    throw new UsageError("no workspace: pass --workspace DIR or set evolve.workspace");
  }
  const workspace = resolve(deps.cli.cwd, expandPath(configured, deps.cli));
  await requirePermissions(context, ["home", "git"], [
    { kind: "read", value: workspace, purpose: "execute", why: "read the workspace" },
    ...context.effective.config.evolve.validate.map((cmd) => ({
      kind: "run" as const,
      value: cmd[0] as string,
      purpose: "execute" as const,
      why: "run the workspace's checks",
    })),
  ]);
  let outcome;
  try {
    outcome = await solidifyByHand({
      home: context.home.dir,
      config: context.effective.config,
      now: deps.cli.now,
      workspace,
      since: options.since,
      record: options.record === true,
      ...(options.gene ? { geneId: options.gene } : {}),
      ...(deps.cli.checkoutDir ? { engineRoot: deps.cli.checkoutDir } : {}),
    });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  const { result } = outcome;
  deps.setExit(result.ok ? EXIT.ok : EXIT.failure);
  if (options.json) {
    printJson(deps.cli.io, outcome);
    return;
  }
  const { io } = deps.cli;
  const totals = result.changes?.totals ?? { files: 0, lines: 0 };
  io.out(
    `gene ${outcome.gene.id}: ${totals.files} file(s), ${totals.lines} line(s) since ${options.since}`,
  );
  io.out(
    result.ok
      ? "PASSES: within limits, no protected path, no ethics finding, checks green"
      : `FAILS at ${result.stage}:`,
  );
  for (const reason of result.reasons) io.out(`  - ${reason}`);
  for (const v of [...result.validation, ...result.canary]) {
    io.out(`  ${v.ok ? "ok  " : "FAIL"} ${JSON.stringify(v.cmd)}`);
  }
  if (outcome.eventId) {
    io.out(`recorded: event ${outcome.eventId}, capsule ${outcome.recorded?.capsule?.id}`);
  }
}
