/**
 * Speed of the episodic memory (DESIGN §8), on stores of generated agent memories:
 *
 * - recall + rank (phases A and B, excluding the embedder's own time) p50 / p99 at 10k and 100k
 *   memories, and how often the sketch-preselected top k agrees with an exact scan;
 * - loading a 50k store (snapshot alone, and with a log of learning steps to replay);
 * - adding one memory at the limit (maxEntries = 100k: near-duplicate check, eviction, fsync);
 * - the bytes one learning step writes, against the size of the whole store.
 *
 *   deno run -A scripts/bench/memory_recall.ts [--quick] [--json]
 *
 * Texts are generated (seeded) from templates with a realistic mix: tools, components, error
 * messages, places, Chinese and Japanese requests. They are embedded once with the local
 * embedder (statistics fitted on them, as a store's `maintain()` would) and kept in memory.
 *
 * @module
 */
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createLocalEmbedder, fitTermStatistics, type LocalEmbedder } from "../../src/embed/mod.ts";
import { createRng, type Rng } from "../../src/learn/mod.ts";
import { type AddInput, EpisodicMemory } from "../../src/memory/mod.ts";
import { median, percentile } from "./_stats.ts";

/** Options of {@link runMemoryBenchmark}. */
export interface MemoryBenchmarkOptions {
  /** Store sizes for recall + rank; default 10k and 100k. */
  readonly sizes?: readonly number[];
  /** Store size for the load measurement; default 50k. */
  readonly loadSize?: number;
  /** Queries per size; default 300. */
  readonly queries?: number;
  /** Adds timed at the limit of the largest store; default 200. */
  readonly adds?: number;
  readonly onProgress?: (line: string) => void;
}

/** Recall + rank at one store size. */
export interface RecallSpeed {
  readonly size: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The same with `exact: true` (every memory scored), for scale. */
  readonly exactP50Ms: number;
  /** Share of the exact top k (k = 5, 10) found by the sketch-preselected recall (ties count). */
  readonly agreement: { readonly at5: number; readonly at10: number };
}

/** Result of {@link runMemoryBenchmark}. */
export interface MemoryBenchmarkResult {
  readonly dims: number;
  readonly kernel: string;
  readonly recall: readonly RecallSpeed[];
  /**
   * Opening a store in a fresh process (as the plugin's engine does at start), median of 5:
   * wall-clock and CPU milliseconds; then with `logOps` learning steps in the log to replay.
   */
  readonly load: {
    readonly size: number;
    readonly snapshotMs: number;
    readonly snapshotCpuMs: number;
    readonly withLogMs: number;
    readonly withLogCpuMs: number;
    readonly logOps: number;
  };
  /** The 1-minute load average when the run started: the machine is shared. */
  readonly loadAverage: number;
  readonly addAtLimit: { readonly size: number; readonly p50Ms: number; readonly p99Ms: number };
  readonly learningStep: {
    /** Bytes appended by one `updateQ` (one memory) and by one `add`. */
    readonly updateBytes: number;
    readonly addBytes: number;
    /** The whole store (metadata + vectors) at the largest size. */
    readonly storeBytes: number;
  };
}

const DIMS = 512;
/** The most log lines a store of `n` memories keeps before compacting (see src/memory). */
const MAX_LOG_LINES = (n: number) => Math.max(1000, 0.02 * n);

// --- generated texts -----------------------------------------------------------------------

const words = (text: string) => text.split(" ");
const VERBS = words(
  "fix debug deploy configure migrate optimize refactor install update explain profile " +
    "rename document review rollback upgrade patch benchmark secure clean",
);
const TECH = words(
  "postgres redis nginx docker kubernetes react vite webpack rust cargo python pip poetry " +
    "django flask node npm deno bun typescript eslint prettier jest vitest pytest terraform " +
    "ansible helm grafana prometheus kafka rabbitmq mongodb sqlite mysql elasticsearch graphql " +
    "grpc openapi oauth jwt s3 lambda cloudflare vercel github gitlab jenkins bazel gradle maven " +
    "spring kotlin swift xcode android flutter electron tauri tailwind storybook playwright " +
    "ffmpeg pandas numpy pytorch jupyter airflow spark celery rails laravel wordpress stripe " +
    "slack openclaw ollama",
);
const PARTS = words(
  "build config migration cache login auth-flow pipeline cron-job webhook dashboard api-client " +
    "schema index query test-suite lockfile dockerfile manifest certificate proxy router " +
    "middleware logger queue worker scheduler exporter parser linter bundler plugin template " +
    "form upload backup replica cluster",
);
const PLACES = [
  "in the monorepo",
  "on macOS",
  "on Windows",
  "in CI",
  "in production",
  "on the staging server",
  "inside a container",
  "behind the corporate proxy",
  "for the mobile app",
  "for the billing service",
  "after the last release",
  "on a fresh checkout",
];
const ERRORS = [
  "ECONNREFUSED 127.0.0.1:{port}",
  "EACCES: permission denied, open '/srv/{word}/{word}.json'",
  "ModuleNotFoundError: No module named '{word}'",
  "timeout after {n}ms",
  "exit code {small}",
  "TypeError: cannot read properties of undefined (reading '{word}')",
  "out of memory at {n} MB",
  "certificate has expired",
  "429 Too Many Requests",
  "deadlock detected on table {word}",
  "SyntaxError: unexpected token in {word}.ts line {small}",
  "401 Unauthorized from {tech}",
];
const OBJECTS = words(
  "users orders invoices sessions payments reports events metrics accounts tenants assets " +
    "images logs tokens settings profiles carts emails alerts jobs builds releases",
);
const CHINESE = [
  "修复{tech}的{zh}问题",
  "配置{tech}的{zh}",
  "部署{tech}服务到生产环境时{zh}失败",
  "{tech}构建速度太慢，需要优化{zh}",
  "為什麼{tech}的{zh}一直報錯",
];
const CHINESE_PARTS = words(
  "缓存 登录 数据库 迁移 日志 证书 代理 队列 定时任务 权限 配置文件 索引",
);
const JAPANESE = ["{tech}の{ja}を直してください", "{tech}で{ja}が失敗します"];
const JAPANESE_PARTS = words("ビルド キャッシュ ログイン データベース テスト デプロイ 設定");

/** A Zipf-like pick: early items of a list come up more often, as real vocabularies do. */
function pick<T>(rng: Rng, items: readonly T[], skew = 1.1): T {
  return items[Math.min(items.length - 1, Math.floor(items.length * rng() ** skew))]!;
}

function fill(template: string, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    if (slot === "port") return String(1000 + Math.floor(rng() * 9000));
    if (slot === "n") return String(Math.floor(rng() * 60_000));
    if (slot === "small") return String(Math.floor(rng() * 200));
    if (slot === "tech") return pick(rng, TECH, 1.6);
    if (slot === "zh") return pick(rng, CHINESE_PARTS);
    if (slot === "ja") return pick(rng, JAPANESE_PARTS);
    return pick(rng, OBJECTS);
  });
}

/** One generated intent: 88% English task requests, 8% Chinese, 4% Japanese. */
function intent(rng: Rng): string {
  const r = rng();
  if (r < 0.08) return fill(pick(rng, CHINESE), rng);
  if (r < 0.12) return fill(pick(rng, JAPANESE), rng);
  const parts = [`${pick(rng, VERBS)} the ${pick(rng, TECH, 1.6)} ${pick(rng, PARTS)}`];
  if (rng() < 0.6) parts.push(`when it fails with ${fill(pick(rng, ERRORS), rng)}`);
  if (rng() < 0.5) parts.push(pick(rng, PLACES));
  if (rng() < 0.3) parts.push(`for the ${pick(rng, OBJECTS)} ${pick(rng, PARTS)}`);
  return parts.join(" ");
}

/** A query: half are stored intents with ~30% of their words dropped, half new intents. */
function queryText(rng: Rng, stored: readonly string[], size: number): string {
  if (rng() < 0.5) return intent(rng);
  const source = stored[Math.floor(rng() * size)]!;
  return source.split(" ").filter(() => rng() > 0.3).join(" ") || source;
}

// --- measurements --------------------------------------------------------------------------

interface Corpus {
  readonly embedder: LocalEmbedder;
  readonly inputs: readonly AddInput[];
  readonly intents: readonly string[];
}

function buildCorpus(count: number): Corpus {
  const rng = createRng(20_260_311);
  const intents = Array.from({ length: count }, () => intent(rng));
  const statistics = fitTermStatistics(intents.slice(0, 20_000));
  const embedder = createLocalEmbedder({ dimensions: DIMS, statistics });
  const inputs = intents.map((text, i) => ({
    intent: text,
    experience: `Checked the logs, then ${intent(rng)}; it worked after a restart.`,
    vector: embedder.embedOne(text),
    space: embedder.space,
    id: `m${i.toString(36)}`,
  }));
  return { embedder, inputs, intents };
}

async function storeOf(home: string, corpus: Corpus, size: number): Promise<EpisodicMemory> {
  const memory = await EpisodicMemory.open(home, {
    embedder: corpus.embedder,
    config: { maxEntries: size },
  });
  await memory.addMany(corpus.inputs.slice(0, size), { merge: false });
  await memory.compact();
  return memory;
}

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

/** Share of the exact top k that the approximate list reaches (a tie with the k-th counts). */
function agreement(
  exact: readonly { score: number }[],
  approx: readonly { score: number }[],
  k: number,
) {
  const kth = exact[Math.min(k, exact.length) - 1]?.score ?? -Infinity;
  const hits = approx.slice(0, k).filter((c) => c.score >= kth).length;
  return hits / Math.min(k, exact.length || 1);
}

function measureRecall(memory: EpisodicMemory, corpus: Corpus, size: number, count: number) {
  const rng = createRng(size);
  const queries = Array.from(
    { length: count },
    () => corpus.embedder.embedOne(queryText(rng, corpus.intents, size)),
  );
  const rankOptions = { k2: 3, lambda: 0.5, epsilon: 0.1, tau: 0.85, rng: createRng(7) };
  for (const q of queries.slice(0, 20)) memory.rank(memory.recall(q).candidates, rankOptions);
  const times = queries.map((q) =>
    timed(() => memory.rank(memory.recall(q, { k1: 5, delta: 0.15 }).candidates, rankOptions))[1]
  );
  const exactTimes: number[] = [];
  let at5 = 0, at10 = 0;
  for (const q of queries) {
    const [exact, ms] = timed(() => memory.recall(q, { k1: 10, delta: -1, exact: true }));
    exactTimes.push(ms);
    const approx = memory.recall(q, { k1: 10, delta: -1 }).candidates;
    at5 += agreement(exact.candidates, approx, 5);
    at10 += agreement(exact.candidates, approx, 10);
  }
  return {
    size,
    p50Ms: median(times),
    p99Ms: percentile(times, 99),
    exactP50Ms: median(exactTimes),
    agreement: { at5: at5 / count, at10: at10 / count },
  };
}

/** What `--open HOME` prints: one cold open of a store, timed inside the fresh process. */
interface OpenTiming {
  readonly size: number;
  readonly wallMs: number;
  readonly cpuMs: number;
}

async function openInFreshProcess(home: string): Promise<OpenTiming> {
  const script = fileURLToPath(import.meta.url);
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", "-A", script, "--open", home],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!output.success) throw new Error(`opening ${home} in a fresh process failed`);
  return JSON.parse(new TextDecoder().decode(output.stdout)) as OpenTiming;
}

async function medianOpen(home: string) {
  const runs: OpenTiming[] = [];
  for (let i = 0; i < 5; i++) runs.push(await openInFreshProcess(home));
  return { wall: median(runs.map((r) => r.wallMs)), cpu: median(runs.map((r) => r.cpuMs)) };
}

async function measureLoad(home: string, corpus: Corpus, size: number) {
  const memory = await storeOf(home, corpus, size);
  const snapshot = await medianOpen(home);
  // Rewards and selections until the log holds as many lines as it ever does before compaction.
  const ids = corpus.inputs.map((input) => input.id!);
  for (let i = 0; memory.stats().files.logLines < MAX_LOG_LINES(size) - 1; i++) {
    await (i % 2 === 0 ? memory.updateQ([ids[i]!], 1) : memory.markSelected([ids[i]!]));
  }
  const logOps = memory.stats().files.logLines;
  const withLog = await medianOpen(home);
  return {
    size,
    snapshotMs: snapshot.wall,
    snapshotCpuMs: snapshot.cpu,
    withLogMs: withLog.wall,
    withLogCpuMs: withLog.cpu,
    logOps,
  };
}

async function measureWrites(memory: EpisodicMemory, corpus: Corpus, size: number, adds: number) {
  const rng = createRng(99);
  const fresh = Array.from({ length: adds }, (_, i) => {
    const text = `${intent(rng)} (${i})`;
    return { intent: text, experience: "new", vector: corpus.embedder.embedOne(text) };
  });
  const times: number[] = [];
  for (const input of fresh) {
    const start = performance.now();
    await memory.add({ ...input, space: corpus.embedder.space });
    times.push(performance.now() - start);
  }
  let before = memory.stats().files.logBytes;
  await memory.updateQ([corpus.inputs[size - 1]!.id!], 1);
  const updateBytes = memory.stats().files.logBytes - before;
  before = memory.stats().files.logBytes;
  const text = "one more memory, unlike any other";
  await memory.add({ intent: text, experience: "new", vector: corpus.embedder.embedOne(text) });
  const addBytes = memory.stats().files.logBytes - before;
  return {
    addAtLimit: { size, p50Ms: median(times), p99Ms: percentile(times, 99) },
    learningStep: { updateBytes, addBytes, storeBytes: memory.stats().files.snapshotBytes },
  };
}

/**
 * Runs the memory benchmark (see the module doc).
 *
 * @example
 * ```ts
 * console.log(formatMemoryReport(await runMemoryBenchmark({ sizes: [10_000] })));
 * ```
 */
export async function runMemoryBenchmark(
  options: MemoryBenchmarkOptions = {},
): Promise<MemoryBenchmarkResult> {
  const sizes = options.sizes ?? [10_000, 100_000];
  const loadSize = options.loadSize ?? 50_000;
  const say = options.onProgress ?? (() => {});
  const loadAverage = loadavg()[0] ?? 0;
  say(`embedding ${Math.max(...sizes, loadSize)} generated memories…`);
  const corpus = buildCorpus(Math.max(...sizes, loadSize) + 1);
  const root = await mkdtemp(join(tmpdir(), "lshml-bench-memory-"));
  try {
    const recall: RecallSpeed[] = [];
    let writes: Awaited<ReturnType<typeof measureWrites>> | undefined;
    for (const size of sizes) {
      say(`recall + rank at ${size}…`);
      const memory = await storeOf(join(root, `recall-${size}`), corpus, size);
      recall.push(measureRecall(memory, corpus, size, options.queries ?? 300));
      if (size === Math.max(...sizes)) {
        say(`adds at the limit (${size})…`);
        writes = await measureWrites(memory, corpus, size, options.adds ?? 200);
      }
    }
    say(`load at ${loadSize}…`);
    const load = await measureLoad(join(root, "load"), corpus, loadSize);
    return {
      dims: DIMS,
      kernel: typeof WebAssembly === "object" ? "WebAssembly SIMD (JS fallback)" : "JavaScript",
      recall,
      load,
      ...writes!,
      loadAverage,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The human-readable report, with the DESIGN §8 targets. */
export function formatMemoryReport(r: MemoryBenchmarkResult): string {
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const kb = (x: number) => `${(x / 1024).toFixed(1)} kB`;
  const target = (size: number) => (size <= 10_000 ? "≤ 1 ms" : "≤ 10 ms");
  return [
    `episodic memory, D = ${r.dims} (local embedder, fitted), one thread; load average ` +
    `${r.loadAverage.toFixed(1)} on this shared machine:`,
    ...r.recall.map((s) =>
      `  recall+rank @${s.size}: p50 ${ms(s.p50Ms)} (target ${target(s.size)}), p99 ` +
      `${ms(s.p99Ms)}; exact scan p50 ${ms(s.exactP50Ms)}; agreement with exact top-5 ` +
      `${s.agreement.at5.toFixed(3)}, top-10 ${s.agreement.at10.toFixed(3)}`
    ),
    `  load @${r.load.size} in a fresh process: ${ms(r.load.snapshotMs)} (CPU ` +
    `${ms(r.load.snapshotCpuMs)}; target ≤ 200 ms); with ${r.load.logOps} logged learning ` +
    `steps to replay ${ms(r.load.withLogMs)} (CPU ${ms(r.load.withLogCpuMs)})`,
    `  add at the limit @${r.addAtLimit.size}: p50 ${ms(r.addAtLimit.p50Ms)} (target ≤ 10 ms), ` +
    `p99 ${ms(r.addAtLimit.p99Ms)} (dedupe check, eviction, fsync)`,
    `  one learning step writes: updateQ ${r.learningStep.updateBytes} B, add ` +
    `${kb(r.learningStep.addBytes)}; the whole store is ` +
    `${(r.learningStep.storeBytes / 1e6).toFixed(1)} MB (never rewritten by a step)`,
  ].join("\n");
}

/** `--open HOME`: opens the store once and prints its timing as JSON (see openInFreshProcess). */
async function openOnce(home: string): Promise<void> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const memory = await EpisodicMemory.open(home, { embedder: createLocalEmbedder() });
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const timing: OpenTiming = { size: memory.size, wallMs, cpuMs: (used.user + used.system) / 1000 };
  console.log(JSON.stringify(timing));
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      json: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      open: { type: "string" },
    },
  });
  if (values.open !== undefined) {
    await openOnce(values.open);
  } else {
    const progress = !values.json && Deno.stderr.isTerminal()
      ? (line: string) => console.error(line)
      : undefined;
    const result = await runMemoryBenchmark({
      ...(values.quick ? { sizes: [2_000, 10_000], loadSize: 10_000, queries: 100, adds: 50 } : {}),
      ...(progress === undefined ? {} : { onProgress: progress }),
    });
    console.log(values.json ? JSON.stringify(result, null, 2) : formatMemoryReport(result));
  }
}
