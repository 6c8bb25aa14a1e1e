/**
 * Memory-recall quality of the default local embedder on LoCoMo (DESIGN §8), against BM25.
 *
 * Protocol (shared/data/README.md): every dialogue turn of a conversation is stored as a
 * memory; for each question of categories 1–4 with evidence, memories of the same conversation
 * are ranked (embedders: cosine of the stored vectors, as phase-A recall does) and
 * evidence-recall@k = |evidence ∩ top k| / |evidence| is averaged over the questions.
 *
 *   deno run -A scripts/bench/locomo_recall.ts [--data DIR] [--dims D] [--json]
 *
 * Without the data it prints why and reports "skipped" (exit 0).
 *
 * @module
 */
import process from "node:process";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import {
  createLocalEmbedder,
  DEFAULT_LOCAL_DIMENSIONS,
  dot,
  fitTermStatistics,
  type LocalEmbedder,
} from "../../src/embed/mod.ts";
import {
  bm25Retriever,
  loadLocomo,
  type LocomoSample,
  type MemoryText,
  rankIds,
  type RecallScores,
  type RetrieverFactory,
  scoreRecall,
  speakerAndText,
  turnText,
} from "./_locomo.ts";

/** Options for {@link runLocomoBenchmark}. */
export interface LocomoBenchmarkOptions {
  /** Folder holding the LoCoMo file; default `../shared/data/locomo` beside the checkout. */
  readonly dataDir?: string;
  /** D of the local embedder; default 512 (config `embedding.dimensions`). */
  readonly dimensions?: number;
  /** Called with a short line as each retriever starts (progress on a TTY). */
  readonly onProgress?: (line: string) => void;
}

/** One retriever's scores. */
export interface RecallRow {
  readonly name: string;
  readonly description: string;
  /** Mean evidence recall by k (1, 5, 10, 20). */
  readonly recall: Readonly<Record<number, number>>;
}

/** Result of {@link runLocomoBenchmark}. */
export type LocomoBenchmarkResult =
  | { readonly status: "skipped"; readonly reason: string }
  | {
    readonly status: "ok";
    readonly dataDir: string;
    readonly dimensions: number;
    readonly conversations: number;
    readonly memories: number;
    readonly questions: number;
    readonly rows: readonly RecallRow[];
    /** Local embedder throughput over all memory texts (UTF-8 bytes per CPU second). */
    readonly throughput: { readonly megabytesPerSecond: number; readonly textsPerSecond: number };
  };

/** The k values reported. */
export const RECALL_KS = [1, 5, 10, 20] as const;

/** The baseline quoted by shared/data/README.md for plain BM25 over the turns. */
export const README_BM25 = { 1: 0.274, 5: 0.49, 10: 0.561, 20: 0.633 } as const;

const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../shared/data/locomo", import.meta.url));

function embedderRetriever(
  memoryText: MemoryText,
  makeEmbedder: (memories: readonly string[]) => LocalEmbedder,
): RetrieverFactory {
  return async (sample) => {
    const memories = sample.turns.map(memoryText);
    const embedder = makeEmbedder(memories);
    const vectors = await embedder.embed(memories);
    return (question) => {
      const query = embedder.embedOne(question);
      return rankIds(sample.turns, vectors.map((vector) => dot(query, vector)));
    };
  };
}

function retrievers(dimensions: number) {
  const fixed = createLocalEmbedder({ dimensions });
  return [
    {
      name: "bm25 turn text",
      description: "plain BM25 over the turn text (the README baseline's protocol)",
      factory: bm25Retriever(turnText),
    },
    {
      name: "bm25 speaker+text",
      description: "plain BM25 over the same memory text as the embedders",
      factory: bm25Retriever(speakerAndText),
    },
    {
      name: "local fixed prior",
      description: `${fixed.space}: no corpus statistics (cold start, stable forever)`,
      factory: embedderRetriever(speakerAndText, () => fixed),
    },
    {
      name: "local frozen idf",
      description:
        `local:hash-ngram:v1:${dimensions}:idf-…: statistics fitted on the stored memories`,
      factory: embedderRetriever(
        speakerAndText,
        (memories) => createLocalEmbedder({ dimensions, statistics: fitTermStatistics(memories) }),
      ),
    },
  ];
}

/**
 * Embeds every memory text (after a warm-up) for about a second. Timed in process CPU seconds,
 * not wall-clock seconds: the embedder is single-threaded and our 2-core machines are shared.
 */
function measureThroughput(samples: readonly LocomoSample[], dimensions: number) {
  const texts = samples.flatMap((sample) => sample.turns.map(speakerAndText));
  const bytes = texts.reduce((sum, text) => sum + new TextEncoder().encode(text).length, 0);
  const embedder = createLocalEmbedder({ dimensions });
  for (const text of texts) embedder.embedOne(text);
  let rounds = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - start < 1000 || rounds < 2) {
    for (const text of texts) embedder.embedOne(text);
    rounds++;
  }
  const used = process.cpuUsage(cpu);
  const seconds = (used.user + used.system) / 1e6;
  return {
    megabytesPerSecond: (rounds * bytes) / seconds / 1e6,
    textsPerSecond: (rounds * texts.length) / seconds,
  };
}

/**
 * Runs the LoCoMo recall benchmark: evidence-recall@1/5/10/20 for BM25 and the local embedder
 * (fixed prior, and with statistics fitted on the stored memories), plus embedding throughput.
 *
 * @example
 * ```ts
 * const result = await runLocomoBenchmark({});
 * if (result.status === "ok") console.log(result.rows.at(-1)?.recall[5]);
 * ```
 */
export async function runLocomoBenchmark(
  options: LocomoBenchmarkOptions = {},
): Promise<LocomoBenchmarkResult> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const dimensions = options.dimensions ?? DEFAULT_LOCAL_DIMENSIONS;
  const samples = await loadLocomo(dataDir);
  if (samples === undefined) {
    return { status: "skipped", reason: `no LoCoMo data in ${dataDir}` };
  }
  const rows: RecallRow[] = [];
  let scores: RecallScores | undefined;
  for (const { name, description, factory } of retrievers(dimensions)) {
    options.onProgress?.(`scoring ${name}…`);
    scores = await scoreRecall(samples, factory, RECALL_KS);
    rows.push({ name, description, recall: scores.recall });
  }
  options.onProgress?.("measuring embedding throughput…");
  return {
    status: "ok",
    dataDir,
    dimensions,
    conversations: samples.length,
    memories: samples.reduce((sum, sample) => sum + sample.turns.length, 0),
    questions: scores?.questions ?? 0,
    rows,
    throughput: measureThroughput(samples, dimensions),
  };
}

/** The human-readable report. */
export function formatLocomoReport(result: LocomoBenchmarkResult): string {
  if (result.status === "skipped") return `locomo recall: skipped (${result.reason})`;
  const cell = (x: number) => x.toFixed(3).padStart(7);
  const header = "retriever".padEnd(20) + RECALL_KS.map((k) => `@${k}`.padStart(7)).join("");
  const lines = [
    `LoCoMo evidence recall: ${result.conversations} conversations, ${result.memories} ` +
    `memories, ${result.questions} questions (categories 1-4), D = ${result.dimensions}`,
    header,
    "-".repeat(header.length),
    "README bm25".padEnd(20) + RECALL_KS.map((k) => cell(README_BM25[k])).join(""),
    ...result.rows.map((row) =>
      row.name.padEnd(20) + RECALL_KS.map((k) => cell(row.recall[k] ?? 0)).join("")
    ),
    "",
    ...result.rows.map((row) => `${row.name}: ${row.description}`),
    "",
    `local embedder throughput: ${result.throughput.megabytesPerSecond.toFixed(1)} MB/s, ` +
    `${Math.round(result.throughput.textsPerSecond)} texts/s (per CPU second, one thread)`,
  ];
  return lines.join("\n");
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      data: { type: "string" },
      dims: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const dimensions = values.dims === undefined ? undefined : Number(values.dims);
  const progress = !values.json && Deno.stderr.isTerminal()
    ? (line: string) => console.error(line)
    : undefined;
  const result = await runLocomoBenchmark({
    ...(values.data === undefined ? {} : { dataDir: values.data }),
    ...(dimensions === undefined ? {} : { dimensions }),
    ...(progress === undefined ? {} : { onProgress: progress }),
  });
  console.log(values.json ? JSON.stringify(result, null, 2) : formatLocomoReport(result));
}
