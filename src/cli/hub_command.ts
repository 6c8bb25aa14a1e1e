import type { Command } from "@commander-js/extra-typings";
import { join, resolve } from "node:path";
import { isLoopbackHost, type PermissionNeed } from "../sandbox/mod.ts";
import type { CliIo } from "./cli_env.ts";
import type { CommandDeps } from "./command_deps.ts";
import {
  type CommandContext,
  type GlobalOptions,
  loadContext,
  requirePermissions,
} from "./context.ts";
import { UsageError } from "./usage_error.ts";

/** Options of `lshml hub serve`, as given on the command line. */
interface HubServeFlags {
  readonly port?: string;
  readonly host?: string;
  readonly db?: string;
  readonly postgres?: string;
  readonly quota?: string;
  readonly rate?: string;
  readonly burst?: string;
  readonly json?: boolean;
}

/** The hub's settings after flags > `LSHML_HUB_*` > defaults. */
interface HubSettings {
  readonly host: string;
  readonly port: number;
  readonly store: { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };
  readonly limits: { quotaPerKey?: number; ratePerSecond?: number; rateBurst?: number };
}

/** The hub's port: the `remote.baseUrl` default points at it. */
const DEFAULT_PORT = 8421;

/** A number from a flag or variable, checked; `undefined` when not given. */
function number(
  given: { value: string | undefined; name: string },
  check: { ok: (n: number) => boolean; what: string },
): number | undefined {
  if (given.value === undefined || given.value === "") return undefined;
  const n = Number(given.value);
  if (!check.ok(n)) {
    throw new UsageError(`${given.name} must be ${check.what}, got "${given.value}"`);
  }
  return n;
}

const PORT = {
  ok: (n: number) => Number.isInteger(n) && n >= 0 && n <= 65535,
  what: "a port 0…65535",
};
const COUNT = { ok: (n: number) => Number.isInteger(n) && n > 0, what: "a positive integer" };
const RATE = { ok: (n: number) => Number.isFinite(n) && n > 0, what: "a positive number" };

/** Flags > `LSHML_HUB_*` environment > defaults (the db defaults into the home's memory/). */
function settingsFor(context: CommandContext, flags: HubServeFlags): HubSettings {
  const env = context.cli.env;
  const pick = (flag: string | undefined, name: string) =>
    flag !== undefined ? { value: flag, name: `--${name}` } : {
      value: env[`LSHML_HUB_${name.toUpperCase()}`],
      name: `LSHML_HUB_${name.toUpperCase()}`,
    };
  const db = flags.db ?? env.LSHML_HUB_DB;
  const postgres = flags.postgres ?? env.LSHML_HUB_POSTGRES_URL;
  if (flags.db !== undefined && flags.postgres !== undefined) {
    throw new UsageError("--db and --postgres do not go together: the hub uses one database");
  }
  const useFlagDb = flags.db !== undefined;
  const limits: { -readonly [K in keyof HubSettings["limits"]]: number } = {};
  const quotaPerKey = number(pick(flags.quota, "quota"), COUNT);
  const ratePerSecond = number(pick(flags.rate, "rate"), RATE);
  const rateBurst = number(pick(flags.burst, "burst"), COUNT);
  if (quotaPerKey !== undefined) limits.quotaPerKey = quotaPerKey;
  if (ratePerSecond !== undefined) limits.ratePerSecond = ratePerSecond;
  if (rateBurst !== undefined) limits.rateBurst = rateBurst;
  return {
    host: flags.host ?? env.LSHML_HUB_HOST ?? "127.0.0.1",
    port: number(pick(flags.port, "port"), PORT) ?? DEFAULT_PORT,
    store: postgres && !useFlagDb ? { kind: "postgres", url: postgres } : {
      kind: "sqlite",
      path: db ? resolve(context.cli.cwd, db) : join(context.home.dir, "memory", "hub.sqlite"),
    },
    limits,
  };
}

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

async function serve(deps: CommandDeps, context: CommandContext, flags: HubServeFlags) {
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

/** `lshml hub serve`: the self-hosted shared-memory hub (DESIGN §6.8). */
export function registerHubCommand(program: Command, deps: CommandDeps): void {
  const hub = program
    .command("hub")
    .description("the team hub: shared, sanitised memories for several agents (opt-in)");
  hub
    .command("serve")
    .description("serve the hub API (register, ingest, search, feedback, leaderboard)")
    .option("--port <n>", `port (LSHML_HUB_PORT, default ${DEFAULT_PORT}; 0 picks a free one)`)
    .option("--host <address>", "address to bind (LSHML_HUB_HOST, default 127.0.0.1)")
    .option("--db <path>", "SQLite file (LSHML_HUB_DB, default <home>/memory/hub.sqlite)")
    .option("--postgres <url>", "PostgreSQL instead of SQLite (LSHML_HUB_POSTGRES_URL)")
    .option("--quota <n>", "memories one key may store (LSHML_HUB_QUOTA, default 10000)")
    .option("--rate <n>", "requests per second per key (LSHML_HUB_RATE, default 5)")
    .option("--burst <n>", "burst per key, in requests (LSHML_HUB_BURST, default 120)")
    .option("--json", "print the listening address as one JSON line")
    .addHelpText(
      "after",
      `
The hub keeps what agents share: sanitised triplets (intent, experience,
embedding, embedding-space id, Q) and anonymous request key ids. Agents find it
through remote.enabled=true and remote.baseUrl (see docs/hub.md). Keys are
stored hashed; every request is size-limited, validated and rate-limited;
near-duplicates are merged; /leaderboard ranks contributors.

One process on SQLite serves a team from one machine. For more, run several
processes (or machines) on one PostgreSQL database:
  lshml hub serve --postgres postgres://lshml:secret@db.internal:5432/lshml

Examples:
  lshml hub serve                              http://127.0.0.1:8421/v1
  lshml hub serve --host 0.0.0.0 --port 8421   for the team (put TLS in front)
  lshml hub serve --db /srv/lshml/hub.sqlite --json`,
    )
    .action(async (flags, command) => {
      const globals = command.optsWithGlobals() as GlobalOptions;
      const context = await loadContext(deps.cli, globals);
      await serve(deps, context, flags);
    });
}
