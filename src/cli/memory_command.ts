import type { Command } from "@commander-js/extra-typings";
import type { ListSort } from "../memory/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import type { GlobalOptions } from "./context.ts";
import { UsageError } from "./usage_error.ts";

const SORTS: readonly ListSort[] = ["recent", "created", "q", "used", "value"];

/** The global options (`--home`, `--set`) as a subcommand sees them. */
const globalsOf = (command: { optsWithGlobals(): unknown }) =>
  command.optsWithGlobals() as GlobalOptions;

/** `lshml memory list|show|search|forget|export|import`: the episodic memory (MemRL). */
export function registerMemoryCommand(program: Command, deps: CommandDeps): void {
  const memory = program
    .command("memory")
    .description("see, search, forget, export and import what the agent learned (episodic memory)")
    .addHelpText(
      "after",
      `
Examples:
  lshml memory list --sort q                  the most useful memories first
  lshml memory show 3f8af20d-…                one memory, and the text the plugin injects
  lshml memory search deploy to staging       what a prompt would recall, and what is injected
  cut -f1 prompts.tsv | lshml memory search --json > recall.jsonl
                                              one JSON line per query line on stdin
  lshml memory forget 3f8af20d-…              remove one (its text leaves the disk)
  lshml memory export --out team.json         everything as JSON (no vectors)
  lshml memory import team.json               add them to this home (re-embedded here)`,
    );
  memory.command("list")
    .description("the memories, with Q, uses and rewards")
    .option("--sort <order>", `order: ${SORTS.join(", ")}`, "recent")
    .option("--limit <n>", "show at most N", "50")
    .option("--offset <n>", "skip the first N", "0")
    .option("--json", "print JSON for machines")
    .action(async (options, command) => {
      const sort = options.sort as ListSort;
      if (!SORTS.includes(sort)) {
        throw new UsageError(`--sort must be one of ${SORTS.join(", ")}, got "${options.sort}"`);
      }
      const { memoryListAction } = await import("./memory_action.ts");
      await memoryListAction(deps, globalsOf(command), { ...options, sort });
    });
  memory.command("show")
    .description("one memory: its text, Q, counts, and the block the plugin would inject")
    .argument("<id>", "a memory id (`lshml memory list`)")
    .option("--json", "print JSON for machines")
    .action(async (id, options, command) => {
      const { memoryShowAction } = await import("./memory_action.ts");
      await memoryShowAction(deps, globalsOf(command), { id, ...options });
    });
  memory.command("search")
    .description(
      "what the agent would recall for a prompt (phase A and B), and what it would inject",
    )
    .argument("[query...]", "the prompt; without it, one query per line on stdin")
    .option("--limit <n>", "phase-A candidates to show (retrieval.k1 for the plugin)", "10")
    .option("--json", "one JSON line per query")
    .action(async (words, options, command) => {
      const { memorySearchAction } = await import("./memory_action.ts");
      await memorySearchAction(deps, globalsOf(command), { words, ...options });
    });
  memory.command("forget")
    .description("remove memories for good (their text is removed from disk)")
    .argument("<ids...>", "memory ids")
    .option("--json", "print JSON for machines")
    .action(async (ids, options, command) => {
      const { memoryForgetAction } = await import("./memory_action.ts");
      await memoryForgetAction(deps, globalsOf(command), { ids, ...options });
    });
  memory.command("export")
    .description("write every memory's text and counts as JSON (to stdout, or --out FILE)")
    .option("--out <file>", "write to this file (atomically) instead of stdout")
    .option("--force", "replace --out if it exists")
    .action(async (options, command) => {
      const { memoryExportAction } = await import("./memory_action.ts");
      await memoryExportAction(deps, globalsOf(command), options);
    });
  memory.command("import")
    .description("add memories from an export, a JSON array or JSON lines of {intent, experience}")
    .argument("<file>", "the file, or - for stdin")
    .option("--no-merge", "store near-duplicates separately instead of merging them")
    .option("--json", "print JSON for machines")
    .action(async (file, options, command) => {
      const { memoryImportAction } = await import("./memory_action.ts");
      await memoryImportAction(deps, globalsOf(command), { file, ...options });
    });
}
