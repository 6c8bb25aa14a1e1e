/**
 * A throwaway PostgreSQL server for tests and benchmarks: Debian's `postgresql` package
 * (installed by `.ci/setup.d/postgres.sh`), a fresh cluster in a temporary directory, on a free
 * loopback port, with a random password (scram-sha-256 over TCP). PostgreSQL refuses to run as
 * root, so as root (the CI machine) the cluster belongs to the `postgres` user the package
 * creates and every server command runs through `runuser -u postgres`.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** A running throwaway server. */
export interface ThrowawayPostgres {
  /** `postgres://lshml:<password>@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Stops the server (immediate mode) and deletes its files. */
  stop(): Promise<void>;
}

const INSTALL_HINT = "install it with `bash .ci/setup.d/postgres.sh` " +
  "(apt-get install postgresql), or point LSHML_PG_BIN at a directory holding initdb and pg_ctl";

/** The directory of `initdb` and `pg_ctl`: LSHML_PG_BIN, Debian's newest, or the PATH. */
export function postgresBinDir(): string | undefined {
  const fromEnv = Deno.env.get("LSHML_PG_BIN");
  if (fromEnv) return existsSync(join(fromEnv, "initdb")) ? fromEnv : undefined;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], "bin");
  }
  for (const dir of (Deno.env.get("PATH") ?? "").split(":")) {
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  return undefined;
}

async function run(argv: string[], what: string): Promise<void> {
  const out = await new Deno.Command(argv[0]!, {
    args: argv.slice(1),
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (out.code !== 0) {
    const text = new TextDecoder().decode(out.stderr) + new TextDecoder().decode(out.stdout);
    throw new Error(`${what} failed (exit ${out.code}): ${text.trim().slice(-2000)}`);
  }
}

/** `runuser` (util-linux): on root's PATH, else in the sbin folders a plain PATH may lack. */
function runuser(): string {
  const path = (Deno.env.get("PATH") ?? "").split(":").filter((dir) => dir !== "");
  for (const dir of [...path, "/usr/sbin", "/sbin"]) {
    if (existsSync(join(dir, "runuser"))) return join(dir, "runuser");
  }
  return "runuser"; // not found: spawning it names the problem
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** The `postgres` account's uid and gid, from /etc/passwd. */
function postgresAccount(): { uid: number; gid: number } | undefined {
  const line = Deno.readTextFileSync("/etc/passwd").split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts a throwaway server. Fails — never skips — with a message saying what is missing.
 *
 * @example
 * ```ts
 * const pg = await startPostgres();
 * try { … pg.url … } finally { await pg.stop(); }
 * ```
 */
export async function startPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`PostgreSQL is not installed: ${INSTALL_HINT}`);
  const asRoot = Deno.uid() === 0;
  const account = asRoot ? postgresAccount() : undefined;
  if (asRoot && !account) {
    throw new Error(
      "running as root, and PostgreSQL refuses root: no `postgres` user to run it as " +
        `(Debian's package creates one): ${INSTALL_HINT}`,
    );
  }
  const as = (argv: string[]) => asRoot ? [runuser(), "-u", "postgres", "--", ...argv] : argv;
  // As root, the `postgres` user must reach the directory: /tmp, whatever TMPDIR says.
  const dir = Deno.makeTempDirSync({ prefix: "lshml-pg-", ...(asRoot ? { dir: "/tmp" } : {}) });
  const password = Array.from(
    crypto.getRandomValues(new Uint8Array(12)),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
  Deno.writeTextFileSync(join(dir, "pw"), `${password}\n`, { mode: 0o600 });
  if (account) {
    Deno.chownSync(dir, account.uid, account.gid);
    Deno.chownSync(join(dir, "pw"), account.uid, account.gid);
  }
  const data = join(dir, "data");
  await run(
    as([
      join(bin, "initdb"),
      "-D",
      data,
      "-U",
      "lshml",
      `--pwfile=${join(dir, "pw")}`,
      "--auth-host=scram-sha-256",
      "--auth-local=trust",
      "-E",
      "UTF8",
      "--no-sync",
    ]),
    "initdb",
  );
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = freePort();
    try {
      await run(
        as([
          join(bin, "pg_ctl"),
          "-D",
          data,
          "-l",
          join(dir, "server.log"),
          "-o",
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
          "-w",
          "-t",
          "60",
          "start",
        ]),
        "pg_ctl start",
      );
      return {
        url: `postgres://lshml:${password}@127.0.0.1:${port}/postgres`,
        port,
        dir,
        async stop() {
          await run(
            as([join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]),
            "pg_ctl stop",
          )
            .catch(() => undefined);
          Deno.removeSync(dir, { recursive: true });
        },
      };
    } catch (error) {
      lastError = error; // most likely the free port was taken meanwhile: try another
    }
  }
  const log = existsSync(join(dir, "server.log"))
    ? Deno.readTextFileSync(join(dir, "server.log"))
    : "";
  Deno.removeSync(dir, { recursive: true });
  throw new Error(
    `PostgreSQL would not start: ${(lastError as Error).message}\n${log.slice(-2000)}`,
  );
}
