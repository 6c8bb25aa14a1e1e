import { assignLines, loadClusters } from "../scan/mod.ts";
import type { ClusterView } from "../cluster/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import {
  type CommandContext,
  type GlobalOptions,
  loadContext,
  requirePermissions,
} from "./context.ts";
import { formatTable, printJson } from "./output.ts";
import { UsageError } from "./usage_error.ts";
import { userHomeDir } from "../config/mod.ts";

const SPARK = "▁▂▃▄▅▆▇█";

/** The last `days` days of a cluster's daily counts as a small bar chart. */
function sparkline(view: ClusterView, today: Date, days = 14): string {
  const counts: number[] = [];
  for (let d = days - 1; d >= 0; d--) {
    const key = new Date(today.getTime() - d * 86_400_000).toISOString().slice(0, 10);
    counts.push(view.daily[key] ?? 0);
  }
  const max = Math.max(1, ...counts);
  return counts.map((n) => n === 0 ? "·" : SPARK[Math.min(7, Math.floor((n / max) * 7))]).join("");
}

function topTypes(view: ClusterView): string {
  return Object.entries(view.signalTypes).sort((a, b) => b[1] - a[1]).map(([t]) => t).join(",");
}

async function context(deps: CommandDeps, globals: GlobalOptions) {
  const ctx = await loadContext(deps.cli, globals);
  await requirePermissions(ctx, ["home"]);
  return ctx;
}

async function list(deps: CommandDeps, ctx: CommandContext, json: boolean, limit: number) {
  const today = deps.cli.now();
  const views = (await loadClusters(ctx.home.dir, deps.cli.now)).list(today);
  if (json) {
    printJson(deps.cli.io, { total: views.length, clusters: views.slice(0, limit) });
    return;
  }
  if (views.length === 0) {
    deps.cli.io.out("no clusters yet: run `lshml scan` first");
    return;
  }
  const rows = [["ID", "COUNT", "TREND", "LAST 14 DAYS", "LAST SEEN", "TYPES", "TEMPLATE"]];
  for (const v of views.slice(0, limit)) {
    rows.push([
      v.id,
      String(v.count),
      v.trend,
      sparkline(v, today),
      v.lastSeen.slice(0, 16).replace("T", " "),
      topTypes(v),
      v.template.length > 90 ? `${v.template.slice(0, 89)}…` : v.template,
    ]);
  }
  deps.cli.io.out(formatTable(rows));
  if (views.length > limit) deps.cli.io.out(`… ${views.length - limit} more (--limit N)`);
}

async function show(deps: CommandDeps, ctx: CommandContext, id: string, json: boolean) {
  const today = deps.cli.now();
  const view = (await loadClusters(ctx.home.dir, deps.cli.now)).get(id, today);
  if (!view) throw new UsageError(`no cluster "${id}"; \`lshml clusters list\` shows them`);
  if (json) {
    printJson(deps.cli.io, view);
    return;
  }
  const { io } = deps.cli;
  io.out(`cluster ${view.id}${view.id === id ? "" : ` (${id} was merged into it)`}`);
  io.out(formatTable([
    ["  template", view.template],
    ["  count", `${view.count} (${view.trend})`],
    ["  first seen", view.firstSeen],
    ["  last seen", view.lastSeen],
    ["  last 14 days", sparkline(view, today)],
    ["  types", Object.entries(view.signalTypes).map(([t, n]) => `${t} ${n}`).join(", ")],
    ["  sources", view.sources.join(", ")],
  ]));
  io.out("  examples (secrets redacted):");
  for (const example of view.examples) io.out(`    ${example}`);
}

/** `lshml clusters [list]`: the clusters, most frequent first (loaded only when it runs). */
export async function clustersListAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: { readonly json: boolean; readonly limit: number },
): Promise<void> {
  const ctx = await context(deps, globals);
  await list(deps, ctx, options.json, options.limit);
}

/** `lshml clusters show ID`: one cluster in detail (loaded only when it runs). */
export async function clustersShowAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: { readonly id: string; readonly json: boolean },
): Promise<void> {
  const ctx = await context(deps, globals);
  await show(deps, ctx, options.id, options.json);
}

/**
 * `lshml clusters assign`: one cluster id (or JSON line) per line on stdin, learning into the
 * home (loaded only when it runs).
 */
export async function clustersAssignAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: { readonly json: boolean },
): Promise<void> {
  const ctx = await context(deps, globals);
  const text = await deps.cli.io.readStdin();
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const homeDir = userHomeDir(deps.cli.env);
  const results = await assignLines(ctx.home.dir, lines.map((l) => l.replace(/\r$/, "")), {
    now: deps.cli.now,
    ...(homeDir ? { homeDirs: [homeDir] } : {}),
  });
  const out = results.map((r) => options.json ? JSON.stringify(r) : r.clusterId).join("\n");
  if (out) deps.cli.io.out(out);
}
