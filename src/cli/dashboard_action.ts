import { spawn } from "node:child_process";
import { join, relative } from "node:path";
import { describeHomeSource, type FlagSetting } from "../config/mod.ts";
import { inspectSandbox, isLoopbackHost } from "../sandbox/mod.ts";
import type { DashboardDeps, HomeStatus } from "../server/mod.ts";
import { VERSION } from "../version.ts";
import type { CliIo } from "./cli_env.ts";
import type { CommandDeps } from "./command_deps.ts";
import {
  type CommandContext,
  type GlobalOptions,
  loadContext,
  requirePermissions,
} from "./context.ts";
import { engineEmbedders } from "./engine_embedder.ts";
import { executeContext } from "./run_action.ts";
import { UsageError } from "./usage_error.ts";

/** Options of `lshml dashboard`. */
export interface DashboardOptions {
  readonly port?: string;
  readonly host?: string;
  readonly open?: boolean;
}

function flagSettings(options: DashboardOptions): FlagSetting[] {
  const flags: FlagSetting[] = [];
  if (options.port !== undefined) {
    flags.push({ key: "dashboard.port", value: options.port, flag: "--port" });
  }
  if (options.host !== undefined) {
    flags.push({ key: "dashboard.host", value: options.host, flag: "--host" });
  }
  return flags;
}

/** The browser opener of this platform (`--open`). */
function opener(): string {
  const platform = typeof process === "undefined" ? "linux" : process.platform;
  return platform === "darwin" ? "open" : platform === "win32" ? "explorer" : "xdg-open";
}

async function openBrowser(context: CommandContext, url: string): Promise<void> {
  const { io, query } = context.cli;
  const program = opener();
  if (query && (await query("run", program)) !== "granted") {
    io.out(`  open   ${url} in your browser (--open needs --allow-run=${program})`);
    return;
  }
  const child = spawn(program, [url], { stdio: "ignore", detached: true });
  child.on("error", (error) => io.err(`lshml: could not start ${program}: ${error.message}`));
  child.unref();
}

function shown(context: CommandContext, dir: string): string {
  const rel = relative(context.cli.cwd, dir);
  return rel && !rel.startsWith("..") && rel.length < dir.length ? rel : dir;
}

function printHomes(
  io: CliIo,
  context: CommandContext,
  homes: readonly HomeStatus[],
  preferred: HomeStatus["id"],
): void {
  const cycles = (n: number) => n === 0 ? "no cycles yet" : `${n} cycle${n === 1 ? "" : "s"}`;
  for (const home of homes) {
    if (!home.available) continue;
    const where = home.id === "home"
      ? `${shown(context, home.dir)} (${describeHomeSource(context.home.source)})`
      : `${shown(context, home.dir)} (from lshml demo)`;
    const opens = preferred === home.id && homes.some((h) => h.available && h !== home)
      ? " — the page opens on it; switch homes at the top"
      : "";
    io.out(`  ${home.id.padEnd(6)} ${where}: ${cycles(home.cycles)}${opens}`);
  }
}

/** The server, loaded only when the dashboard starts, so other commands start faster. */
type Server = typeof import("../server/mod.ts");

/** Who may connect: loopback only, or anyone with the token (generated and shown once). */
async function accessFor(server: Server, context: CommandContext, url: string) {
  const { host, port } = context.effective.config.dashboard;
  if (isLoopbackHost(host)) return { kind: "loopback" as const, port };
  const file = await server.loadOrCreateToken(server.tokenPath(context.home.dir));
  const { io } = context.cli;
  io.out(`  token  required: ${host} is not a loopback address`);
  if (file.created) {
    io.out(`         new token (shown only now; kept in ${file.path}, mode 0600):`);
    io.out(`         ${file.token}`);
    io.out(`         open ${url}auth?token=${file.token} once; it sets a cookie`);
  } else {
    io.out(`         the token is in ${file.path}; open ${url}auth?token=<token> once`);
  }
  if (file.narrowed) io.err(`lshml: ${file.path} was readable by others; narrowed to 0600`);
  return { kind: "token" as const, token: file.token };
}

/** Everything the app works with, from the command's context (see `DashboardDeps`). */
async function appDeps(
  server: Server,
  deps: CommandDeps,
  context: CommandContext,
  wiring: Pick<DashboardDeps, "homes" | "access" | "changes" | "closing">,
): Promise<DashboardDeps> {
  const { cli } = deps;
  const { config } = context.effective;
  const query = cli.query;
  // Memory search embeds the query the way the plugin does (local by default).
  const { embedder } = await engineEmbedders(context);
  return {
    ...wiring,
    effective: context.effective,
    now: cli.now,
    staticFiles: server.folderReader(join(cli.installDir, "dashboard")),
    memory: server.episodicMemoryOpener({ embedder, now: cli.now, config }),
    ...(query ? { sandbox: () => inspectSandbox(context.needs, context.home, query) } : {}),
    ...(config.evolve.mode === "execute"
      ? { beforeApprove: () => requirePermissions(context, ["execute", "git"]) }
      : {}),
    review: executeContext(context),
    csrfToken: server.randomToken(),
    log: (message) => cli.io.err(message),
    version: VERSION,
  };
}

/** Starts listening; a taken port is a usage error that says what to do. */
function listen(
  server: Server,
  app: ReturnType<Server["createApp"]>,
  host: string,
  port: number,
  signal: AbortSignal,
) {
  try {
    return server.serveDashboard(app, { hostname: host, port, signal });
  } catch (error) {
    if (error instanceof Deno.errors.AddrInUse) {
      throw new UsageError(
        `port ${port} on ${host} is in use (another lshml dashboard?); ` +
          `choose another with --port N or LSHML_DASHBOARD_PORT`,
      );
    }
    throw error;
  }
}

async function serve(deps: CommandDeps, context: CommandContext, options: DashboardOptions) {
  const server: Server = await import("../server/mod.ts");
  const { io } = deps.cli;
  const { host, port } = context.effective.config.dashboard;
  const homes = server.dashboardHomes(context.home.dir);
  const stop = new AbortController();
  const bindUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}/`;
  io.out(`lshml dashboard: ${bindUrl}`);
  // Bound to every address: the page is reached by this machine's name, not by 0.0.0.0.
  const everywhere = host === "0.0.0.0" || host === "::";
  const access = await accessFor(
    server,
    context,
    everywhere ? `http://<this machine's address>:${port}/` : bindUrl,
  );
  const watcher = server.pollingWatcher();
  const remove = deps.cli.onInterrupt(() => {
    io.err("lshml: stopping the dashboard");
    stop.abort();
  });
  try {
    const wiring = { homes, access, changes: watcher, closing: stop.signal };
    const app = server.createApp(await appDeps(server, deps, context, wiring));
    const running = listen(server, app, host, port, stop.signal);
    const reader = (dir: string) => new server.HomeReader(dir, deps.cli.now);
    const statuses = await server.homeStatuses(homes, reader);
    printHomes(io, context, statuses, server.preferredHome(statuses));
    io.out("  live   the page updates when a cycle, the plugin or a review changes something");
    if (options.open) await openBrowser(context, running.url);
    io.out("Ctrl-C stops it.");
    await running.finished;
  } finally {
    remove();
    watcher.close();
  }
}

/** What `lshml dashboard` does once its flags are parsed (loaded only when it starts). */
export async function dashboardAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: DashboardOptions,
): Promise<void> {
  const context = await loadContext(deps.cli, globals, flagSettings(options));
  await requirePermissions(context, ["home", "dashboard", "self"]);
  await serve(deps, context, options);
}
