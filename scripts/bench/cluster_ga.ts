/**
 * Clustering benchmark (DESIGN §8): grouping accuracy of the template miner on the Loghub 2k
 * corrected systems in `../shared/data/loghub_2k_corrected`, and its throughput on one core.
 *
 * ```sh
 * deno run -A scripts/bench/cluster_ga.ts [--data DIR] [--repeat N] [--json]
 * ```
 *
 * Each system's `Content` column is fed line by line, in file order, through one fresh
 * {@link TemplateMiner}; a line's predicted cluster is the id `add()` returned, followed through
 * the merges recorded by the end of the run; the ground truth is the `EventId` column.
 *
 * @module
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { TemplateMiner } from "../../src/cluster/mod.ts";
import { groupingAccuracy } from "./_ga.ts";

/** Mean GA of published parsers on the 16-system corrected Loghub 2k (LogBatcher, ASE'24). */
export const PUBLISHED_MEAN_GA = { Drain: 0.840, Brain: 0.883 } as const;
/** DESIGN §8 targets. */
export const TARGET = { meanGa: 0.9, linesPerSecond: 20_000 } as const;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DEFAULT_DATA = fileURLToPath(
  new URL("../../../shared/data/loghub_2k_corrected", import.meta.url),
);
const FILE_SUFFIX = "_2k.log_structured_corrected.csv";

/**
 * Turns a batch of lines into one cluster label per line: the CLI ({@link assignWithCli}, what
 * the bench task measures) or the in-process miner ({@link assignWithMiner}, the engine alone).
 */
export type Assigner = (lines: readonly string[]) => Promise<string[]> | string[];

/** Options of {@link runClusterBenchmark}. */
export interface ClusterBenchmarkOptions {
  /** Folder with the `*_2k.log_structured_corrected.csv` files. */
  readonly dataDir?: string;
  /** Timed passes per system; throughput is the median, GA comes from the first pass. */
  readonly repeat?: number;
  readonly assign?: Assigner;
}

/** One system's result. */
export interface SystemResult {
  readonly system: string;
  readonly lines: number;
  /** Distinct ground-truth events. */
  readonly events: number;
  /** Distinct predicted clusters. */
  readonly clusters: number;
  readonly ga: number;
  /** Lines per second of the assigner (median of the passes). */
  readonly linesPerSecond: number;
}

/** The benchmark's result, or why it did not run. */
export type ClusterBenchmarkResult =
  | { readonly skipped: true; readonly reason: string }
  | {
    readonly skipped: false;
    readonly systems: readonly SystemResult[];
    readonly meanGa: number;
    /** All lines over all passes' total time, per second. */
    readonly linesPerSecond: number;
  };

/**
 * The {@link Assigner} users have: `lshml clusters assign` in a real process under the
 * local-only sandbox, learning into a fresh home, lines on stdin, ids on stdout. Its time
 * includes the process start-up (about 0.1 s) and the registry write.
 */
export async function assignWithCli(lines: readonly string[]): Promise<string[]> {
  const home = await Deno.makeTempDir({ prefix: "lshml-bench-assign-" });
  try {
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        `--allow-read=${ROOT},${home}`,
        `--allow-write=${home}`,
        "--allow-env",
        `${ROOT}main.ts`,
        "--home",
        home,
        "clusters",
        "assign",
      ],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(`${lines.join("\n")}\n`));
    await writer.close();
    const out = await child.output();
    if (!out.success) {
      throw new Error(`lshml clusters assign failed: ${new TextDecoder().decode(out.stderr)}`);
    }
    const ids = new TextDecoder().decode(out.stdout).trim().split("\n");
    if (ids.length !== lines.length) throw new Error(`${ids.length} ids for ${lines.length} lines`);
    return ids;
  } finally {
    await Deno.remove(home, { recursive: true });
  }
}

/** The in-process {@link Assigner}: one fresh miner, labels resolved through merges at the end. */
export function assignWithMiner(lines: readonly string[]): string[] {
  const miner = new TemplateMiner();
  const assigned = lines.map((line) => miner.add(line).clusterId);
  return assigned.map((id) => miner.resolve(id) ?? id);
}

/** Runs the benchmark over every system found in `dataDir`. */
export async function runClusterBenchmark(
  options: ClusterBenchmarkOptions = {},
): Promise<ClusterBenchmarkResult> {
  const dataDir = options.dataDir ?? DEFAULT_DATA;
  const files = await systemFiles(dataDir);
  if (files === undefined) return { skipped: true, reason: `no Loghub data in ${dataDir}` };
  const assign = options.assign ?? assignWithMiner;
  const repeat = Math.max(1, options.repeat ?? 3);
  const systems: SystemResult[] = [];
  let totalLines = 0;
  let totalSeconds = 0;
  for (const [system, file] of files) {
    const { content, truth } = readLoghubCsv(await readFile(file, "utf8"), file);
    const seconds: number[] = [];
    let predicted: string[] = [];
    for (let pass = 0; pass < repeat; pass++) {
      const started = performance.now();
      const labels = await assign(content);
      seconds.push((performance.now() - started) / 1000);
      if (pass === 0) predicted = labels;
    }
    totalLines += content.length * repeat;
    totalSeconds += seconds.reduce((sum, s) => sum + s, 0);
    systems.push({
      system,
      lines: content.length,
      events: new Set(truth).size,
      clusters: new Set(predicted).size,
      ga: groupingAccuracy(predicted, truth),
      linesPerSecond: content.length / median(seconds),
    });
  }
  const meanGa = systems.reduce((sum, s) => sum + s.ga, 0) / systems.length;
  return { skipped: false, systems, meanGa, linesPerSecond: totalLines / totalSeconds };
}

/** System name → CSV path, sorted by name; `undefined` when the folder has none. */
async function systemFiles(dataDir: string): Promise<Map<string, string> | undefined> {
  const isDir = await stat(dataDir).then((s) => s.isDirectory(), () => false);
  if (!isDir) return undefined;
  const names = (await readdir(dataDir)).filter((name) => name.endsWith(FILE_SUFFIX)).sort();
  if (names.length === 0) return undefined;
  return new Map(names.map((name) => [name.slice(0, -FILE_SUFFIX.length), join(dataDir, name)]));
}

/**
 * The `Content` and `EventId` columns of a Loghub structured CSV.
 *
 * @throws {SyntaxError} when a column is missing or a row has the wrong number of fields.
 */
export function readLoghubCsv(
  text: string,
  source = "CSV",
): { content: string[]; truth: string[] } {
  const [header, ...rows] = parseCsv(text);
  const contentAt = header?.indexOf("Content") ?? -1;
  const eventAt = header?.indexOf("EventId") ?? -1;
  if (header === undefined || contentAt < 0 || eventAt < 0) {
    throw new SyntaxError(`${source}: header lacks Content or EventId: ${JSON.stringify(header)}`);
  }
  const content: string[] = [];
  const truth: string[] = [];
  for (const [index, row] of rows.entries()) {
    if (row.length === 1 && row[0] === "") continue;
    if (row.length !== header.length) {
      throw new SyntaxError(
        `${source}: row ${index + 2} has ${row.length} fields, expected ${header.length}`,
      );
    }
    content.push(row[contentAt] as string);
    truth.push(row[eventAt] as string);
  }
  return { content, truth };
}

/**
 * Parses RFC 4180 CSV: fields separated by commas, rows by LF or CRLF; a quoted field may hold
 * commas, line breaks and doubled quotes (`""` → `"`).
 *
 * @throws {SyntaxError} on an unterminated quoted field or a quote inside an unquoted field.
 *
 * @example
 * ```ts
 * parseCsv('a,"b,c","say ""hi"""\n1,2,3\n'); // [["a", "b,c", 'say "hi"'], ["1", "2", "3"]]
 * ```
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      const start = i;
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new SyntaxError(`unterminated quoted field at offset ${start}`);
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const end = fieldEnd(text, i);
      field = text.slice(i, end);
      if (field.includes('"')) throw new SyntaxError(`stray quote in field at offset ${i}`);
      i = end;
    }
    row.push(field);
    if (text[i] === ",") {
      i++;
      if (i === text.length) row.push("");
      continue;
    }
    if (text[i] === "\r" && text[i + 1] === "\n") i++;
    if (i < text.length && text[i] !== "\n") {
      throw new SyntaxError(`unexpected ${JSON.stringify(text[i])} after field at offset ${i}`);
    }
    i++;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function fieldEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length) {
    const char = text[end];
    if (char === "," || char === "\n" || (char === "\r" && text[end + 1] === "\n")) break;
    end++;
  }
  return end;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle] as number
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The human-readable table. */
export function formatClusterBenchmark(result: ClusterBenchmarkResult): string {
  if (result.skipped) return `cluster GA benchmark skipped: ${result.reason}`;
  const rows = result.systems.map((
    s,
  ) => [s.system, s.lines, s.events, s.clusters, s.ga.toFixed(3), Math.round(s.linesPerSecond)]);
  const mean = result.meanGa.toFixed(3);
  const rate = Math.round(result.linesPerSecond);
  const lines = [
    ["system", "lines", "events", "clusters", "GA", "lines/s"],
    ...rows,
    ["mean (lshml)", "", "", "", mean, rate],
    ["Drain (published)", "", "", "", PUBLISHED_MEAN_GA.Drain.toFixed(3), ""],
    ["Brain (published)", "", "", "", PUBLISHED_MEAN_GA.Brain.toFixed(3), ""],
  ].map((cells) =>
    cells.map((cell, k) => k === 0 ? String(cell).padEnd(18) : String(cell).padStart(9)).join("")
  );
  const verdict = result.meanGa >= TARGET.meanGa && result.linesPerSecond >= TARGET.linesPerSecond
    ? "meets"
    : "MISSES";
  lines.push(
    "",
    `target: mean GA >= ${TARGET.meanGa}, >= ${TARGET.linesPerSecond} lines/s: ${verdict}` +
      " (published figures are 16-system means; these are the 8 systems we have)",
  );
  return lines.join("\n");
}

/** Command-line options of this script; see the module doc. */
function parseCommandLine(args: string[]): ClusterBenchmarkOptions & { json: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: "string" },
      repeat: { type: "string", default: "3" },
      json: { type: "boolean", default: false },
      "in-process": { type: "boolean", default: false },
    },
  });
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) {
    throw new RangeError(
      `--repeat must be a positive integer, got ${JSON.stringify(values.repeat)}`,
    );
  }
  return {
    repeat,
    json: values.json,
    assign: values["in-process"] ? assignWithMiner : assignWithCli,
    ...(values.data === undefined ? {} : { dataDir: values.data }),
  };
}

if (import.meta.main) {
  let options: ReturnType<typeof parseCommandLine> | undefined;
  try {
    options = parseCommandLine(Deno.args);
  } catch (error) {
    console.error(`cluster_ga: ${error instanceof Error ? error.message : String(error)}`);
    console.error(
      "usage: deno run -A scripts/bench/cluster_ga.ts [--data DIR] [--repeat N] [--in-process] [--json]",
    );
    Deno.exitCode = 2;
  }
  if (options !== undefined) {
    const result = await runClusterBenchmark(options);
    console.log(options.json ? JSON.stringify(result, null, 2) : formatClusterBenchmark(result));
  }
}
