import { isLoopbackHost, type PermissionNeed } from "../sandbox/mod.ts";
import type { CliIo } from "./cli_env.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type GlobalOptions, loadContext, requirePermissions } from "./context.ts";
import { type HubServeFlags, type HubSettings, settingsFor } from "./hub_settings.ts";
import { UsageError } from "./usage_error.ts";

/** `host:port` of a PostgreSQL URL, for the sandbox (5432 by default). */
function postgresHost(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (_error) {
    throw new UsageError("--postgres must be a URL such as postgres://user:pass@host:5432/db");
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol) || parsed.hostname === "") {
    throw new UsageError(
      "--postgres must be a postgres:// URL with a host (Unix sockets are not supported)",
    );
  }
  return `${parsed.hostname}:${parsed.port || "5432"}`;
}

/** What the sandbox must grant this hub: its listen address and its database. */
function hubNeeds(settings: HubSettings): PermissionNeed[] {
  const needs: PermissionNeed[] = [{
    kind: "net",
    value: `${settings.host}:${settings.port}`,
    purpose: "remote",
    why: "serve the hub",
  }];
  if (settings.store.kind === "postgres") {
    needs.push({
      kind: "net",
      value: postgresHost(settings.store.url),
      purpose: "remote",
      why: "reach the hub's PostgreSQL database",
    });
  } else {
    for (const kind of ["read", "write"] as const) {
      needs.push({
        kind,
        value: settings.store.path,
        purpose: "remote",
        why: "keep the hub's database",
      });
    }
  }
  return needs;
}

function printListening(
  io: CliIo,
  settings: HubSettings,
  where: string,
  port: number,
  json: boolean,
) {
  const host = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  const base = `http://${host}:${port}`;
  if (json) {
    io.out(
      JSON.stringify({ listening: { host: settings.host, port, url: `${base}/v1` }, store: where }),
    );
    return;
  }
  io.out(`lshml hub: ${base}/v1 (${where})`);
  io.out(`  agents   --set remote.enabled=true --set remote.baseUrl=${base}/v1`);
  io.out(`  ranking  ${base}/leaderboard`);
  io.out("Ctrl-C stops it.");
}

/** `lshml hub serve`: serves the hub until interrupted (loaded only when it runs). */
export async function hubServeAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  flags: HubServeFlags,
): Promise<void> {
  const context = await loadContext(deps.cli, globals);
  const { io } = deps.cli;
  const settings = settingsFor(context, flags);
  await requirePermissions(context, [], hubNeeds(settings));
  const remote = await import("../remote/mod.ts");
  const store = settings.store.kind === "postgres"
    ? await remote.openPostgresHubStore(settings.store.url)
    : remote.openSqliteHubStore(settings.store.path);
  const where = `${store.kind} ${store.location}`;
  let served;
  try {
    const hub = remote.createHub({ store, limits: settings.limits });
    const app = remote.createHubApp({ hub, log: (line) => io.err(line) });
    served = remote.serveHub(app, { hostname: settings.host, port: settings.port });
  } catch (error) {
    await store.close();
    if ((error as { name?: string }).name === "AddrInUse") {
      throw new UsageError(
        `port ${settings.port} on ${settings.host} is in use (another hub?); ` +
          "choose another with --port N or LSHML_HUB_PORT",
      );
    }
    throw error;
  }
  printListening(io, settings, where, served.port, flags.json === true);
  if (!isLoopbackHost(settings.host)) {
    io.err(
      `lshml hub: listening on ${settings.host} in plain HTTP: keys and memories cross the ` +
        "network unencrypted; put the hub behind TLS (a reverse proxy) or a VPN",
    );
  }
  const stopping = served;
  const remove = deps.cli.onInterrupt(() => {
    io.err("lshml hub: stopping");
    stopping.shutdown().catch((error: Error) => io.err(`lshml hub: ${error.message}`));
  });
  try {
    await served.finished;
  } finally {
    remove();
    await store.close();
  }
}
