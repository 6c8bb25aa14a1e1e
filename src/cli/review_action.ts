import { decideReview, pendingReviews } from "../evolve/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type GlobalOptions, loadContext, requirePermissions } from "./context.ts";
import { EXIT } from "./exit_codes.ts";
import { formatTable, printJson } from "./output.ts";
import { executeContext } from "./run_action.ts";
import { UsageError } from "./usage_error.ts";

/** Options of `lshml review`. */
export interface ReviewOptions {
  readonly approve?: string;
  readonly reject?: string;
  readonly json?: boolean;
}

/** What `lshml review` does once its flags are parsed (loaded only when it runs). */
export async function reviewAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: ReviewOptions,
): Promise<void> {
  const context = await loadContext(deps.cli, globals);
  await requirePermissions(context, ["home"]);
  const { io } = deps.cli;
  if (options.approve && options.reject) {
    throw new UsageError("give either --approve or --reject, not both");
  }
  const id = options.approve ?? options.reject;
  if (!id) {
    const items = await pendingReviews(context.home.dir, deps.cli.now);
    if (options.json) printJson(io, { pending: items });
    else if (items.length === 0) io.out("nothing waiting for review");
    else {
      io.out(formatTable([
        ["ID", "CYCLE", "INTENT", "MODE", "CLUSTER", "GENE", "PLAN"],
        ...items.map((i) => [
          i.id,
          String(i.cycle),
          i.intent,
          i.mode,
          i.clusterId ?? "-",
          i.geneId,
          i.promptFile,
        ]),
      ]));
    }
    return;
  }
  const verdict = options.approve ? "approve" : "reject";
  if (verdict === "approve" && context.effective.config.evolve.mode === "execute") {
    await requirePermissions(context, ["execute", "git"]);
  }
  let result;
  try {
    result = await decideReview({
      home: context.home.dir,
      id,
      verdict,
      config: context.effective.config,
      now: deps.cli.now,
      ...executeContext(context),
    });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  const status = result.event.outcome.status;
  deps.setExit(status === "rolled_back" ? EXIT.failure : EXIT.ok);
  if (options.json) {
    printJson(io, result);
    return;
  }
  io.out(`${id}: ${status} (event ${result.event.id})`);
  for (const reason of result.execute?.reasons ?? []) io.out(`  ${reason}`);
}
