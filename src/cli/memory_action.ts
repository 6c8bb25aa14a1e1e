import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { expandPath } from "../config/mod.ts";
import type { ListSort, MemoryRecord } from "../memory/mod.ts";
import type { PermissionNeed } from "../sandbox/mod.ts";
import { pathExists, writeFileAtomic } from "../store/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type GlobalOptions, loadContext, requirePermissions } from "./context.ts";
import { engineEmbedders } from "./engine_embedder.ts";
import { EXIT } from "./exit_codes.ts";
import { parseImportInput } from "./memory_import_input.ts";
import { formatTable, printJson } from "./output.ts";
import { UsageError } from "./usage_error.ts";

/** Plain memories embedded and written per step of an import (one progress report each). */
const IMPORT_BATCH = 256;

type Opts = { json?: boolean };

async function open(deps: CommandDeps, globals: GlobalOptions, extra: PermissionNeed[] = []) {
  const ctx = await loadContext(deps.cli, globals);
  await requirePermissions(ctx, ["home"], extra);
  const { EpisodicMemory, memoryConfigOf } = await import("../memory/mod.ts");
  const { embedder } = await engineEmbedders(ctx);
  const memory = await EpisodicMemory.open(ctx.home.dir, {
    embedder,
    now: deps.cli.now,
    config: memoryConfigOf(ctx.effective.config),
  });
  return { ctx, memory };
}

const short = (text: string, max: number) => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
const num = (x: number) => x.toFixed(2);

function listRows(records: readonly MemoryRecord[]): string[][] {
  return [
    ["ID", "Q", "USED", "REWARDS", "ORIGIN", "UPDATED", "INTENT"],
    ...records.map((r) => [
      r.id,
      num(r.q),
      String(r.selectedCount),
      `${r.successCount}+ ${r.failureCount}-`,
      r.origin,
      r.updatedAt.slice(0, 16).replace("T", " "),
      short(r.intent, 70),
    ]),
  ];
}

/** `lshml memory list` (loaded only when it runs); `--sort` is checked before it loads. */
export async function memoryListAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: { sort: ListSort; limit: string; offset: string } & Opts,
) {
  const limit = positive(options.limit, "--limit");
  const offset = positive(options.offset, "--offset", true);
  const { memory } = await open(deps, globals);
  const records = memory.list({ sort: options.sort, limit, offset });
  const { io } = deps.cli;
  if (options.json) {
    printJson(io, { total: memory.size, space: memory.space, memories: records });
    return;
  }
  if (memory.size === 0) {
    io.out("no memories yet: the OpenClaw plugin writes them as your agent learns from feedback");
    return;
  }
  io.out(formatTable(listRows(records)));
  const rest = memory.size - offset - records.length;
  if (rest > 0) io.out(`… ${rest} more (--offset ${offset + records.length})`);
}

function positive(text: string, flag: string, zero = false): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < (zero ? 0 : 1)) {
    throw new UsageError(`${flag} must be a whole number ${zero ? "≥ 0" : "≥ 1"}, got "${text}"`);
  }
  return n;
}

/** `lshml memory show ID` (loaded only when it runs). */
export async function memoryShowAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  { id, ...options }: { id: string } & Opts,
) {
  const { memory } = await open(deps, globals);
  const record = memory.get(id);
  if (!record) throw new UsageError(`no memory "${id}"; \`lshml memory list\` shows them`);
  const { io } = deps.cli;
  if (options.json) {
    printJson(io, record);
    return;
  }
  io.out(formatTable([
    ["id", record.id],
    ["intent", record.intent],
    ["q", `${num(record.q)} (last reward ${record.lastReward ?? "none"})`],
    [
      "used",
      `${record.selectedCount} times; rewarded ${record.visits} times (${record.successCount} good, ${record.failureCount} bad)`,
    ],
    ["origin", record.origin],
    ["space", record.space],
    ["created", record.createdAt],
    ["updated", record.updatedAt],
  ]));
  io.out("\nwhat the plugin injects when it recalls this memory (text escaped, marked untrusted):");
  const { renderMemoryBlock } = await import("../agent/mod.ts");
  const block = renderMemoryBlock({
    memories: [{ id: record.id, similarity: 1, q: record.q, experience: record.experience }],
    fixes: [],
  });
  io.out(block ?? "(nothing: the experience is empty)");
}

/** `lshml memory search [QUERY…]` (loaded only when it runs). */
export async function memorySearchAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  { words, ...options }: { words: string[]; limit: string } & Opts,
) {
  const limit = positive(options.limit, "--limit");
  const queries = words.length > 0
    ? [words.join(" ")]
    : (await deps.cli.io.readStdin()).split("\n").map((l) => l.trim()).filter((l) => l !== "");
  if (queries.length === 0) {
    throw new UsageError(
      "give a query (`lshml memory search deploy to staging`) or lines on stdin",
    );
  }
  const { ctx, memory } = await open(deps, globals);
  const { previewRecall } = await import("../agent_engine/mod.ts");
  const { retrieval } = ctx.effective.config;
  const { io } = deps.cli;
  for (const [n, query] of queries.entries()) {
    if (queries.length > 1) io.progress(`searching ${n + 1}/${queries.length}`);
    const preview = await previewRecall(memory, query, { retrieval, limit });
    if (options.json) {
      io.out(JSON.stringify({
        query,
        space: preview.space,
        reason: preview.reason,
        bestSimilarity: preview.bestSimilarity,
        hits: preview.hits.map((h) => ({
          id: h.memory.id,
          similarity: h.similarity,
          score: h.score,
          q: h.memory.q,
          selected: h.selected,
          intent: h.memory.intent,
        })),
        block: preview.block,
      }));
      continue;
    }
    io.out(`${queries.length > 1 ? "\n" : ""}query: ${short(query, 100)}`);
    if (preview.hits.length === 0) {
      io.out(`  nothing recalled (no memory more similar than delta=${retrieval.delta})`);
      continue;
    }
    io.out(formatTable([
      ["  SIMILARITY", "SCORE", "Q", "INJECT", "ID", "INTENT"],
      ...preview.hits.map((h) => [
        `  ${num(h.similarity)}`,
        num(h.score),
        num(h.memory.q),
        h.selected ? "yes" : "",
        h.memory.id,
        short(h.memory.intent, 60),
      ]),
    ]));
    io.out(
      preview.reason === "injected"
        ? `  the plugin would inject ${
          preview.hits.filter((h) => h.selected).length
        } (tau=${retrieval.tau})`
        : `  nothing injected: the best similarity ${
          num(preview.bestSimilarity ?? 0)
        } is below tau=${retrieval.tau}`,
    );
  }
  io.progress("");
}

/** `lshml memory forget ID…` (loaded only when it runs). */
export async function memoryForgetAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  { ids, ...options }: { ids: string[] } & Opts,
) {
  const { memory } = await open(deps, globals);
  const forgotten: string[] = [];
  const missing: string[] = [];
  for (const id of ids) (await memory.forget(id) ? forgotten : missing).push(id);
  // Fold the log into a new snapshot: the text is then gone from disk, not only marked removed.
  if (forgotten.length > 0) await memory.compact();
  const { io } = deps.cli;
  if (options.json) printJson(io, { forgotten, missing });
  else {
    for (const id of forgotten) io.out(`forgot ${id} (its text is removed from disk)`);
    for (const id of missing) io.err(`lshml: no memory "${id}"; \`lshml memory list\` shows them`);
  }
  if (missing.length > 0) deps.setExit(EXIT.failure);
}

/** `lshml memory export [--out FILE]` (loaded only when it runs). */
export async function memoryExportAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: { out?: string; force?: boolean },
) {
  const { cli } = deps;
  const path = options.out ? resolve(cli.cwd, expandPath(options.out, cli)) : undefined;
  const extra: PermissionNeed[] = path
    ? [{ kind: "write", value: path, purpose: "home", why: "write the export file" }]
    : [];
  const { memory } = await open(deps, globals, extra);
  await memory.refresh();
  const text = `${JSON.stringify(memory.exportAll(), null, 2)}\n`;
  if (!path) {
    cli.io.out(text.trimEnd());
    return;
  }
  if (!options.force && await pathExists(path)) {
    throw new UsageError(`${path} exists; choose another --out or add --force to replace it`);
  }
  await writeFileAtomic(path, text);
  cli.io.err(`exported ${memory.size} memories to ${path}`);
}

/** `lshml memory import FILE` (loaded only when it runs). */
export async function memoryImportAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  { file, ...options }: { file: string; merge: boolean } & Opts,
) {
  const { cli } = deps;
  const path = file === "-" ? undefined : resolve(cli.cwd, expandPath(file, cli));
  const extra: PermissionNeed[] = path
    ? [{ kind: "read", value: path, purpose: "home", why: "read the file to import" }]
    : [];
  const { memory } = await open(deps, globals, extra);
  const input = parseImportInput(path ? await readFile(path, "utf8") : await cli.io.readStdin());
  const total = input.records.length + input.plain.length;
  const progress = (done: number) => cli.io.progress(`importing ${done}/${total}`);
  const fromExport = await memory.importAll(input.records, {
    merge: options.merge,
    onProgress: progress,
  });
  let added = 0, merged = 0, dropped = 0;
  for (let i = 0; i < input.plain.length; i += IMPORT_BATCH) {
    const results = await memory.addMany(input.plain.slice(i, i + IMPORT_BATCH), {
      merge: options.merge,
    });
    added += results.filter((r) => r.action === "added").length;
    merged += results.filter((r) => r.action === "merged").length;
    dropped += results.filter((r) => r.action === "dropped").length;
    progress(input.records.length + Math.min(i + IMPORT_BATCH, input.plain.length));
  }
  cli.io.progress("indexing…");
  await memory.maintain();
  cli.io.progress("");
  const report = {
    imported: fromExport.imported + added,
    merged: fromExport.merged + merged,
    skipped: fromExport.skipped,
    dropped,
    evicted: fromExport.evicted,
    invalid: [
      ...input.invalid,
      ...fromExport.invalid.map((x) => ({ at: `record ${x.index}`, reason: x.reason })),
    ],
    total: memory.size,
  };
  if (options.json) printJson(cli.io, report);
  else {
    cli.io.out(
      `imported ${report.imported}, merged ${report.merged} into near-duplicates, ` +
        `skipped ${report.skipped} already stored` +
        (report.dropped > 0 ? `, dropped ${report.dropped} (memory full: memory.maxEntries)` : "") +
        `; the memory now holds ${report.total}`,
    );
    for (const bad of report.invalid) cli.io.err(`lshml: left out ${bad.at}: ${bad.reason}`);
  }
  if (report.invalid.length > 0) deps.setExit(EXIT.failure);
}
