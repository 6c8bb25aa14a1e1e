import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";
import { DEFAULT_PORT } from "./hub_settings.ts";

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
      const { hubServeAction } = await import("./hub_action.ts");
      await hubServeAction(deps, command.optsWithGlobals() as GlobalOptions, flags);
    });
}
