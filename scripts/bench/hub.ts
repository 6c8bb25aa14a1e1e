/**
 * The team hub: search latency at N shared triplets (default 100,000) and ingest throughput,
 * for both storage back ends (SQLite, and PostgreSQL on a throwaway server as the tests start
 * one; "skipped" with the reason when it cannot start).
 *
 * Data: N distinct error-report texts embedded by the local embedder (512 dims, its real
 * hashed n-gram vectors). Ingest goes through the hub app (`app.request`: JSON parsing,
 * validation, the secret check, the near-duplicate check under the ingest lock, the insert) in
 * batches of 32 from one key. Search goes through the app as well (validation, a refresh that
 * asks the database for its version, the sketch scan and exact re-rank, reading text and Q from
 * the database, the JSON answer); the index-only time and the sketch's recall@10 against an
 * exact scan are printed beside it. "Cold load" is a fresh hub process's first search: it
 * reads all N vectors from the database and sketches them.
 *
 * `deno run -A scripts/bench/hub.ts [--json] [--size N] [--queries N] [--no-postgres]`
 *
 * @module
 */
import { join } from "node:path";
import { createLocalEmbedder, dot } from "../../src/embed/mod.ts";
import {
  createHub,
  createHubApp,
  type HubStore,
  openPostgresHubStore,
  openSqliteHubStore,
  WIRE_LIMITS,
} from "../../src/remote/mod.ts";
import { startPostgres } from "../../tests/remote/_postgres.ts";
import { percentile } from "./_stats.ts";

/** Benchmark options. */
export interface HubBenchmarkOptions {
  /** Shared triplets to ingest. Default 100,000. */
  readonly size?: number;
  /** Searches timed. Default 300. */
  readonly queries?: number;
  /** Also measure PostgreSQL. Default true. */
  readonly postgres?: boolean;
  /** Progress lines (a TTY shows them). */
  readonly progress?: (text: string) => void;
}

/** The numbers of one back end. */
export type HubBackendResult =
  | {
    readonly backend: "sqlite" | "postgres";
    readonly stored: number;
    readonly merged: number;
    readonly ingestPerSecond: number;
    /** Over the last tenth, when the hub already holds 90% of the triplets. */
    readonly ingestAtSizePerSecond: number;
    readonly ingestSeconds: number;
    readonly coldLoadMs: number;
    readonly searchP50Ms: number;
    readonly searchP99Ms: number;
    readonly indexP50Ms: number;
    readonly recallAt10: number;
  }
  | { readonly backend: "sqlite" | "postgres"; readonly skipped: string };

/** What {@link runHubBenchmark} measures. */
export interface HubBenchmark {
  readonly size: number;
  readonly dims: number;
  readonly queries: number;
  readonly results: readonly HubBackendResult[];
}

const DIMS = 512;
const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ren",
  "tor",
  "vas",
  "qui",
  "del",
  "pha",
  "sun",
  "gor",
  "bel",
  "tri",
  "mon",
  "zen",
  "rup",
  "cal",
  "dor",
  "fen",
  "hil",
];
const TEMPLATES = [
  "npm install fails with EACCES in",
  "ECONNREFUSED when the worker calls",
  "permission denied opening the cache of",
  "timeout after 30s waiting for",
  "cannot parse the JSON answer of",
  "git push rejected: the remote of",
  "tests fail after upgrading",
  "docker build stops at the step for",
];

/** Deterministic texts: a template and eight words from an 8,000-word synthetic vocabulary. */
function texts(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const word = () => {
    const i = Math.floor(next() * 8000);
    return SYLLABLES[i % 20]! + SYLLABLES[Math.floor(i / 20) % 20]! +
      SYLLABLES[Math.floor(i / 400)]!;
  };
  return Array.from(
    { length: count },
    () =>
      `${TEMPLATES[Math.floor(next() * TEMPLATES.length)]} ${
        Array.from({ length: 8 }, word).join(" ")
      }`,
  );
}

async function measure(
  backend: "sqlite" | "postgres",
  open: () => Promise<HubStore>,
  data: { vectors: Float32Array[]; texts: string[]; queries: Float32Array[] },
  options: HubBenchmarkOptions,
): Promise<HubBackendResult> {
  const say = options.progress ?? (() => undefined);
  const space = `local:hash-ngram:v1:${DIMS}`;
  const limits = {
    quotaPerKey: 10_000_000,
    maxMemories: 10_000_000,
    rateBurst: 1e9,
    ratePerSecond: 1e9,
    maxBodyBytes: 8 * 1024 * 1024,
  };
  const store = await open();
  const hub = createHub({ store, limits });
  const app = createHubApp({ hub });
  const { key } = await (await app.request("/v1/clients/register", { method: "POST" })).json();
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  let stored = 0, merged = 0, ingestMs = 0, lastTenthMs = 0, lastTenth = 0;
  const tenth = Math.floor(data.vectors.length * 0.9);
  const batch = WIRE_LIMITS.maxTripletsPerIngest;
  for (let i = 0; i < data.vectors.length; i += batch) {
    const body = JSON.stringify({
      triplets: data.vectors.slice(i, i + batch).map((v, j) => ({
        experience: `${data.texts[i + j]}: retry after clearing the cache`,
        embedding: Array.from(v, (x) => Number(x.toPrecision(7))),
        space,
        q: 0.5,
      })),
    });
    const started = performance.now();
    const res = await app.request("/v1/memories/ingest", { method: "POST", headers, body });
    const { results } = await res.json();
    ingestMs += performance.now() - started;
    if (i >= tenth) {
      lastTenthMs += performance.now() - started;
      lastTenth += results.length;
    }
    for (const r of results) {
      if (r.status === "stored") stored++;
      else if (r.status === "merged") merged++;
      else throw new Error(`ingest refused a triplet: ${JSON.stringify(r)}`);
    }
    if ((i / batch) % 100 === 0) say(`${backend}: ingested ${i + batch} of ${data.vectors.length}`);
  }
  await store.close();

  // A fresh process's view: open the database again, the first search loads everything.
  const again = await open();
  const fresh = createHub({ store: again, limits });
  const freshApp = createHubApp({ hub: fresh });
  const search = (query: Float32Array) =>
    freshApp.request("/v1/memories/search", {
      method: "POST",
      headers,
      body: JSON.stringify({ embedding: Array.from(query), space, k: 10, min_similarity: 0 }),
    });
  let started = performance.now();
  await (await search(data.queries[0]!)).json();
  const coldLoadMs = performance.now() - started;
  const times: number[] = [];
  for (const query of data.queries) {
    started = performance.now();
    const res = await search(query);
    await res.json();
    times.push(performance.now() - started);
  }
  say(`${backend}: checking recall against an exact scan`);
  const { SpaceIndex } = await import("../../src/remote/mod.ts");
  const index = new SpaceIndex(DIMS);
  data.vectors.forEach((v, i) => index.add(String(i), v));
  const indexTimes: number[] = [];
  let agree = 0;
  const checked = data.queries.slice(0, 100);
  for (const query of checked) {
    started = performance.now();
    const got = new Set(index.search(query, 10, -1).map((h) => h.id));
    indexTimes.push(performance.now() - started);
    const exact = data.vectors.map((v, i) => ({ i, s: dot(v, query) }))
      .sort((a, b) => b.s - a.s).slice(0, 10);
    for (const e of exact) if (got.has(String(e.i))) agree++;
  }
  await again.close();
  return {
    backend,
    stored,
    merged,
    ingestPerSecond: data.vectors.length / (ingestMs / 1000),
    ingestAtSizePerSecond: lastTenth / (lastTenthMs / 1000),
    ingestSeconds: ingestMs / 1000,
    coldLoadMs,
    searchP50Ms: percentile(times, 50),
    searchP99Ms: percentile(times, 99),
    indexP50Ms: percentile(indexTimes, 50),
    recallAt10: agree / (checked.length * 10),
  };
}

/**
 * Runs the hub benchmark on both back ends.
 *
 * @example
 * ```ts
 * const result = await runHubBenchmark({ size: 10_000 });
 * console.log(formatHubBenchmark(result));
 * ```
 */
export async function runHubBenchmark(options: HubBenchmarkOptions = {}): Promise<HubBenchmark> {
  const size = options.size ?? 100_000;
  const queryCount = options.queries ?? 300;
  const embedder = createLocalEmbedder({ dimensions: DIMS });
  options.progress?.(`embedding ${size} texts`);
  const corpus = texts(size, 1);
  const data = {
    texts: corpus,
    vectors: corpus.map((t) => embedder.embedOne(t)),
    queries: texts(queryCount, 2).map((t) => embedder.embedOne(t)),
  };
  const results: HubBackendResult[] = [];
  const dir = await Deno.makeTempDir({ prefix: "lshml-bench-hub-" });
  try {
    results.push(
      await measure(
        "sqlite",
        () => Promise.resolve(openSqliteHubStore(join(dir, "hub.sqlite"))),
        data,
        options,
      ),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  if (options.postgres === false) {
    results.push({ backend: "postgres", skipped: "--no-postgres" });
  } else {
    let pg: Awaited<ReturnType<typeof startPostgres>> | undefined;
    try {
      pg = await startPostgres();
    } catch (error) {
      results.push({ backend: "postgres", skipped: (error as Error).message.split("\n")[0]! });
    }
    if (pg) {
      const url = pg.url;
      try {
        results.push(await measure("postgres", () => openPostgresHubStore(url), data, options));
      } finally {
        await pg.stop();
      }
    }
  }
  options.progress?.("");
  return { size, dims: DIMS, queries: queryCount, results };
}

/** The benchmark as a few lines of text. */
export function formatHubBenchmark(result: HubBenchmark): string {
  const lines = [
    `hub: ${result.size} shared triplets (${result.dims} dims), ${result.queries} searches`,
  ];
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  for (const r of result.results) {
    if ("skipped" in r) {
      lines.push(`  ${r.backend}: skipped (${r.skipped})`);
      continue;
    }
    const search = `search p50 ${ms(r.searchP50Ms)}, p99 ${ms(r.searchP99Ms)} ` +
      `(index alone p50 ${ms(r.indexP50Ms)}; recall@10 against an exact scan ${
        r.recallAt10.toFixed(3)
      })`;
    const ingest = `ingest ${Math.round(r.ingestPerSecond)} triplets/s on average, ` +
      `${Math.round(r.ingestAtSizePerSecond)}/s over the last tenth ` +
      `(${r.stored} stored, ${r.merged} merged); cold load ${(r.coldLoadMs / 1000).toFixed(2)} s`;
    lines.push(`  ${r.backend.padEnd(9)}${search}`, `  ${" ".repeat(9)}${ingest}`);
  }
  return lines.join("\n");
}

if (import.meta.main) {
  const args = Deno.args;
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? Number(args[at + 1]) : undefined;
  };
  const json = args.includes("--json");
  const result = await runHubBenchmark({
    ...(value("--size") !== undefined ? { size: value("--size")! } : {}),
    ...(value("--queries") !== undefined ? { queries: value("--queries")! } : {}),
    postgres: !args.includes("--no-postgres"),
    progress: (text) => {
      if (!json && Deno.stderr.isTerminal()) {
        Deno.stderr.writeSync(new TextEncoder().encode(`\r\x1b[K${text}`));
      }
    },
  });
  console.log(json ? JSON.stringify(result, null, 2) : formatHubBenchmark(result));
}
