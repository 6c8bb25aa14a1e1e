/**
 * Memory-recall quality of the default local embedder on LoCoMo (DESIGN §8), against BM25.
 *
 * Protocol (shared/data/README.md): every dialogue turn of a conversation is stored as a
 * memory; for each question of categories 1–4 with evidence, memories of the same conversation
 * are ranked (embedders: cosine of the stored vectors, as phase-A recall does) and
 * evidence-recall@k = |evidence ∩ top k| / |evidence| is averaged over the questions.
 *
 * The "lshml memory" rows go through the episodic memory itself (src/memory), the way the
 * engine and `lshml memory import` / `lshml memory search` do: each conversation gets a fresh
 * home, every turn is written with `add` (near-duplicate merging on: a merged turn's id is
 * lost, which can only lower the score; the count is reported), `maintain()` fits the local
 * embedder's statistics on the stored intents, and each question is a `search` with k1 = 20,
 * δ = −1 (no similarity gate, so every k can be filled).
 *
 *   deno run -A scripts/bench/locomo_recall.ts [--data DIR] [--dims D] [--json]
 *
 * Without the data it prints why and reports "skipped" (exit 0).
 *
 * @module
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
import { EpisodicMemory } from "../../src/memory/mod.ts";
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
    /** Turns the memory merged into a near-duplicate instead of storing them (all samples). */
    readonly memoryMerges: number;
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

/** Counts what the memory rows did, across samples. */
interface MemoryTally {
  merges: number;
  /** Temporary homes, removed when the benchmark ends. */
  readonly homes: string[];
}

/**
 * LoCoMo through the episodic memory (see the module doc): a fresh home per conversation,
 * every turn `add`ed, `maintain()`, then one `search` per question.
 */
function memoryRetriever(
  dimensions: number,
  prior: boolean,
  tally: MemoryTally,
): RetrieverFactory {
  return async (sample) => {
    const home = await mkdtemp(join(tmpdir(), "lshml-locomo-"));
    tally.homes.push(home);
    const memory = await EpisodicMemory.open(home, {
      embedder: createLocalEmbedder({ dimensions }),
      config: { maxEntries: 100_000 },
    });
    const turnOf = new Map<string, string>();
    for (const turn of sample.turns) {
      const result = await memory.add({ intent: speakerAndText(turn), experience: turn.text });
      if (result.action === "added") turnOf.set(result.id, turn.diaId);
      else tally.merges++;
    }
    await memory.maintain();
    return async (question) => {
      const found = await memory.search(question, { k1: 20, delta: -1, prior });
      return found.candidates.map((c) => turnOf.get(c.id) ?? "");
    };
  };
}

function retrievers(dimensions: number, tally: MemoryTally) {
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
    {
      name: "lshml memory",
      description: "src/memory: add every turn, maintain() (fitted idf), search (support prior)",
      factory: memoryRetriever(dimensions, true, tally),
    },
    {
      name: "lshml memory -prior",
      description: "the same without the support prior (plain cosine order)",
      factory: memoryRetriever(dimensions, false, { ...tally, merges: 0 }),
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
  const tally: MemoryTally = { merges: 0, homes: [] };
  try {
    for (const { name, description, factory } of retrievers(dimensions, tally)) {
      options.onProgress?.(`scoring ${name}…`);
      scores = await scoreRecall(samples, factory, RECALL_KS);
      rows.push({ name, description, recall: scores.recall });
    }
  } finally {
    await Promise.all(tally.homes.map((home) => rm(home, { recursive: true, force: true })));
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
    memoryMerges: tally.merges,
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
    `lshml memory: ${result.memoryMerges} of ${result.memories} turns merged as near-duplicates`,
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
