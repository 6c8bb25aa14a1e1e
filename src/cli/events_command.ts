import type { Command } from "@commander-js/extra-typings";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";

/** Options of `lshml events` that its subcommands read too (`events verify --json`). */
type EventsOptions = GlobalOptions & { json?: boolean; limit?: string };

/** `lshml events [list]` and `lshml events verify`. */
export function registerEventsCommand(program: Command, deps: CommandDeps): void {
  const events = program
    .command("events")
    .description("the audit trail of evolutions (assets/gep/events.jsonl); verify its hashes")
    .option("--json", "print JSON for machines")
    .option("--limit <n>", "show at most the last N events", "30")
    .addHelpText(
      "after",
      `
Every evolution event, gene and capsule carries asset_id = sha256 of its
canonical JSON; every event names its parent. \`verify\` re-hashes everything
and checks the chain; a changed byte is reported with its file and line.

Examples:
  lshml events              the last 30 events
  lshml events verify       exit 0 when the audit trail is intact, 1 otherwise`,
    )
    .action(async (options, command) => {
      const { eventsListAction } = await import("./events_action.ts");
      await eventsListAction(deps, command.optsWithGlobals() as GlobalOptions, {
        json: options.json === true,
        limit: Number(options.limit),
      });
    });
  events
    .command("list")
    .description("the last evolution events")
    .action(async (_options, command) => {
      const opts = command.optsWithGlobals() as EventsOptions;
      const { eventsListAction } = await import("./events_action.ts");
      await eventsListAction(deps, opts, {
        json: opts.json === true,
        limit: Number(opts.limit ?? 30),
      });
    });
  events
    .command("verify")
    .description("re-hash every gene, capsule and event and check the chain; exit 1 on tampering")
    .action(async (_options, command) => {
      const opts = command.optsWithGlobals() as EventsOptions;
      const { eventsVerifyAction } = await import("./events_action.ts");
      await eventsVerifyAction(deps, opts, { json: opts.json === true });
    });
}
