import { join, resolve } from "node:path";
import type { CommandContext } from "./context.ts";
import { UsageError } from "./usage_error.ts";

/** Options of `lshml hub serve`, as given on the command line. */
export interface HubServeFlags {
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
export interface HubSettings {
  readonly host: string;
  readonly port: number;
  readonly store: { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };
  readonly limits: { quotaPerKey?: number; ratePerSecond?: number; rateBurst?: number };
}

/** The hub's port: the `remote.baseUrl` default points at it. */
export const DEFAULT_PORT = 8421;

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
export function settingsFor(context: CommandContext, flags: HubServeFlags): HubSettings {
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
