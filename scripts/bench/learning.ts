/**
 * Does the learning loop learn? A simulated world of recurring error clusters, the real feedback
 * tracker, knowledge base, k-NN predictor and gene ranking (with the real local embedder and the
 * real file formats, kept in memory), against a baseline that picks uniformly among the genes
 * that match a cluster's signals. Deterministic per seed.
 *
 *   deno run -A scripts/bench/learning.ts [--json] [--seeds N] [--cycles N] [--k N]
 *
 * World model:
 * - 5 families, one per signal type (missing_resource, timeout, permission_denied,
 *   network_failure, parse_error). Each family has 2 sub-families with their own wording
 *   ("ENOENT … while loading the X file" vs "Cannot find module X …"), each with 4 clusters that
 *   differ in one word: 40 clusters. Every cluster carries only its family's signal type.
 * - 20 genes: 4 per signal type (retry_with_backoff serves both timeout and network_failure) plus
 *   a generic gene whose keyword "error" matches every template containing that word.
 * - Hidden truth: each sub-family has one effective gene, drawn per seed among its family's
 *   genes, the two sub-families of a family always different. Similar clusters (same wording)
 *   therefore share the effective gene, which is what the k-NN predictor can exploit; the signal
 *   type alone cannot tell the sub-families apart. The engine never sees the truth.
 * - Each cycle, a cluster without a fix occurs with probability 0.6. An effective fix stops it
 *   for good. An ineffective fix holds for 1–3 cycles (uniform), then the cluster recurs and
 *   occurs as before.
 * - The engine, each cycle: advances the watched fixes with the cycle's occurrences
 *   (`advanceFixes`), learns from the outcomes (`applyOutcome`, `trainPredictor`), then picks up
 *   to 3 occurring clusters without a watched fix (in a per-seed arrival order) and applies a gene
 *   to each: lshml by `rankGenes` + `chooseGene` (ε = 0.1), the baseline uniformly among the
 *   matching genes. "lshml, no k-NN" is lshml with an empty predictor (knowledge base and priors
 *   only), to show what the predictor adds; "oracle" always applies the effective gene, the
 *   ceiling set by the world's pace (a fix is proven 3 cycles after it is applied).
 * - Reported: the share of clusters with a proven fix after 10, 20 and 50 cycles, averaged over
 *   the seeds; fixes applied per proven cluster; the predictor's final leave-one-out accuracy.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { matchGene } from "../../src/gep/mod.ts";
import {
  type ActiveFix,
  advanceFixes,
  applyOutcome,
  chooseGene,
  createRng,
  type FixOutcome,
  type GeneCandidate,
  type KnowledgeBase,
  KnowledgeFile,
  type Predictor,
  type PredictorExample,
  predictorExample,
  PredictorFile,
  rankGenes,
  recordApplied,
  type Rng,
  startFix,
  trainPredictor,
} from "../../src/learn/mod.ts";

/** The selection strategies compared. */
export type Strategy = "lshml" | "lshml, no k-NN" | "random" | "oracle";

/** Options for {@link runLearningBenchmark}. */
export interface LearningBenchmarkOptions {
  /** Seeds averaged over (default 1…16). */
  readonly seeds?: readonly number[];
  /** Cycles simulated (default 50). */
  readonly cycles?: number;
  /** Cycles after which the proven share is reported (default 10, 20, 50). */
  readonly checkpoints?: readonly number[];
  /** Clusters fixed per cycle at most (default 3). */
  readonly fixesPerCycle?: number;
  /** Exploration rate of lshml's choice (default 0.1). */
  readonly epsilon?: number;
  /** Neighbours of the k-NN predictor (default the file's default, 5). */
  readonly k?: number;
}

/** One strategy's averaged results. */
export interface StrategyResult {
  readonly strategy: Strategy;
  /** Checkpoint cycle → mean share of clusters with a proven fix. */
  readonly provenShare: Record<number, number>;
  /** Mean fixes applied per cluster proven by the last cycle. */
  readonly fixesPerProven: number;
  /** Mean final leave-one-out accuracy of the predictor (null for the baseline). */
  readonly looAccuracy: number | null;
}

/** What {@link runLearningBenchmark} measured. */
export interface LearningBenchmarkResult {
  readonly clusters: number;
  readonly families: number;
  readonly genes: number;
  readonly seeds: readonly number[];
  readonly cycles: number;
  readonly fixesPerCycle: number;
  readonly results: readonly StrategyResult[];
}

interface SubFamily {
  readonly wording: string;
  readonly words: readonly string[];
}

interface Family {
  readonly signal: string;
  readonly genes: readonly string[];
  readonly subs: readonly [SubFamily, SubFamily];
}

const FAMILIES: readonly Family[] = [
  {
    signal: "missing_resource",
    genes: ["create_missing_path", "install_dependency", "fix_import_path", "restore_template"],
    subs: [
      {
        wording: "ENOENT: no such file or directory while loading the {} file from disk",
        words: ["config", "settings", "schema", "manifest"],
      },
      {
        wording: "Cannot find module {} imported by the build script, resolution failed",
        words: ["lodash", "express", "chalk", "yaml"],
      },
    ],
  },
  {
    signal: "timeout",
    genes: ["raise_timeout", "retry_with_backoff", "add_result_cache", "split_batch"],
    subs: [
      {
        wording: "request to the {} service timed out after waiting for the upstream response",
        words: ["billing", "search", "profile", "inventory"],
      },
      {
        wording: "query on table {} exceeded the statement deadline, the database cancelled it",
        words: ["orders", "users", "events", "sessions"],
      },
    ],
  },
  {
    signal: "permission_denied",
    genes: ["fix_file_mode", "use_user_directory", "request_scope", "drop_privileges"],
    subs: [
      {
        wording: "EACCES: permission denied writing to the {} directory owned by root",
        words: ["cache", "logs", "uploads", "tmp"],
      },
      {
        wording: "403 forbidden: the token lacks the {} scope required by the API",
        words: ["repo", "admin", "write", "packages"],
      },
    ],
  },
  {
    signal: "network_failure",
    genes: ["retry_with_backoff", "use_proxy_config", "fallback_mirror", "check_dns"],
    subs: [
      {
        wording: "ECONNRESET: socket hang up while downloading {} from the registry",
        words: ["tarballs", "metadata", "checksums", "images"],
      },
      {
        wording: "getaddrinfo ENOTFOUND for host {} during name resolution, lookup error",
        words: ["api", "cdn", "auth", "telemetry"],
      },
    ],
  },
  {
    signal: "parse_error",
    genes: ["validate_json", "strip_bom", "migrate_schema", "escape_input"],
    subs: [
      {
        wording: "SyntaxError: unexpected token in JSON at position while parsing {} response",
        words: ["weather", "payment", "shipping", "calendar"],
      },
      {
        wording: "YAML parse error in {} manifest: mapping values are not allowed here",
        words: ["deployment", "service", "ingress", "workflow"],
      },
    ],
  },
];

/** Matches any template with the word "error": a plausible generic gene that never works here. */
const GENERIC_GENE: GeneCandidate = {
  id: "log_and_skip",
  category: "repair",
  signals_match: ["error"],
};

interface Cluster {
  readonly id: string;
  readonly template: string;
  readonly signal: string;
  readonly vector: Float32Array;
  readonly family: number;
  readonly sub: number;
}

const embedder = createLocalEmbedder();

function _library(): GeneCandidate[] {
  const bySignal = new Map<string, string[]>();
  for (const f of FAMILIES) {
    for (const g of f.genes) bySignal.set(g, [...(bySignal.get(g) ?? []), f.signal]);
  }
  const genes = [...bySignal].map(([id, signals]): GeneCandidate => ({
    id,
    category: "repair",
    signals_match: signals,
  }));
  return [...genes, GENERIC_GENE];
}

function _clusters(): Cluster[] {
  return FAMILIES.flatMap((f, family) =>
    f.subs.flatMap((s, sub) =>
      s.words.map((word) => {
        const template = s.wording.replace("{}", word);
        return {
          id: `c_${f.signal}_${sub}_${word}`,
          template,
          signal: f.signal,
          vector: embedder.embedOne(template),
          family,
          sub,
        };
      })
    )
  );
}

const GENES = _library();
const CLUSTERS = _clusters();
const P_OCCUR = 0.6;
const MAX_HOLD = 3;

function _matching(cluster: Cluster): GeneCandidate[] {
  const input = { signals: [cluster.signal], text: cluster.template };
  return GENES.filter((g) => matchGene({ signals_match: [...g.signals_match] }, input).matched);
}

function _pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.min(items.length - 1, Math.floor(rng() * items.length))]!;
}

/** The hidden effective gene of every cluster, per seed. */
function _truth(rng: Rng): Map<string, string> {
  const bySub = FAMILIES.map((f) => {
    const first = _pick(rng, f.genes);
    const second = _pick(rng, f.genes.filter((g) => g !== first));
    return [first, second] as const;
  });
  return new Map(CLUSTERS.map((c) => [c.id, bySub[c.family]![c.sub]!]));
}

function _shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Engine {
  kb: KnowledgeBase;
  predictor: Predictor;
  fixes: ActiveFix[];
  readonly proven: Set<string>;
  applied: number;
}

interface SimOptions {
  readonly cycles: number;
  readonly checkpoints: readonly number[];
  readonly fixesPerCycle: number;
  readonly epsilon: number;
  readonly k: number | undefined;
}

function _learn(engine: Engine, outcomes: readonly FixOutcome[], cycle: number, now: Date): void {
  const examples: PredictorExample[] = [];
  for (const o of outcomes) {
    engine.kb = applyOutcome(engine.kb, o, now);
    if (o.status === "proven") engine.proven.add(o.clusterId);
    else engine.proven.delete(o.clusterId);
    const cluster = CLUSTERS.find((c) => c.id === o.clusterId)!;
    examples.push(predictorExample({
      id: o.eventId,
      clusterId: o.clusterId,
      text: cluster.template,
      space: embedder.space,
      vector: cluster.vector,
      geneId: o.geneId,
      outcome: o.status,
      cycle,
    }));
  }
  if (examples.length > 0) {
    engine.predictor = trainPredictor(engine.predictor, examples, { cycle, now });
  }
}

function _choose(
  strategy: Strategy,
  engine: Engine,
  cluster: Cluster,
  context: { readonly rng: Rng; readonly epsilon: number; readonly truth: string },
) {
  const { rng, epsilon } = context;
  if (strategy === "oracle") return context.truth;
  if (strategy === "random") return _pick(rng, _matching(cluster)).id;
  const ranked = rankGenes({
    cluster: {
      id: cluster.id,
      template: cluster.template,
      signalTypes: { [cluster.signal]: 1 },
      vector: cluster.vector,
    },
    genes: GENES,
    intent: "repair",
    kb: engine.kb,
    predictor: strategy === "lshml" ? engine.predictor : PredictorFile.empty(),
  });
  return chooseGene(ranked, rng, { epsilon }).gene.geneId;
}

/** One strategy in one seeded world: proven share per checkpoint, fixes applied, final LOO. */
function _simulate(strategy: Strategy, seed: number, options: SimOptions) {
  const worldRng = createRng(seed);
  const effectiveGene = _truth(worldRng);
  const epsilon = options.epsilon;
  const order = _shuffled(worldRng, CLUSTERS);
  const engineRng = createRng(seed ^ 0x5eed);
  const base = PredictorFile.empty();
  const engine: Engine = {
    kb: KnowledgeFile.empty(),
    predictor: options.k === undefined ? base : { ...base, params: { k: options.k } },
    fixes: [],
    proven: new Set(),
    applied: 0,
  };
  const effective = new Set<string>();
  const recurAt = new Map<string, number>();
  const share: Record<number, number> = {};
  for (let cycle = 1; cycle <= options.cycles; cycle++) {
    const now = new Date(Date.UTC(2026, 0, 1) + cycle * 3_600_000);
    const seen = new Set<string>();
    for (const c of CLUSTERS) {
      const held = recurAt.get(c.id);
      if (effective.has(c.id) || (held !== undefined && held > cycle)) continue;
      if (held === cycle || worldRng() < P_OCCUR) seen.add(c.id);
      recurAt.delete(c.id);
    }
    const step = advanceFixes(engine.fixes, { cycle, seen });
    engine.fixes = step.fixes;
    _learn(engine, step.outcomes, cycle, now);
    const watched = new Set(engine.fixes.map((f) => f.clusterId));
    const due = order.filter((c) => seen.has(c.id) && !watched.has(c.id));
    for (const cluster of due.slice(0, options.fixesPerCycle)) {
      const truth = effectiveGene.get(cluster.id)!;
      const geneId = _choose(strategy, engine, cluster, { rng: engineRng, epsilon, truth });
      const eventId = `evt_${cycle}_${cluster.id}`;
      engine.fixes.push(startFix({ clusterId: cluster.id, geneId, eventId, cycle }));
      engine.kb = recordApplied(engine.kb, { clusterId: cluster.id, geneId, cycle }, now);
      engine.applied++;
      if (geneId === truth) effective.add(cluster.id);
      else recurAt.set(cluster.id, cycle + 1 + Math.floor(worldRng() * MAX_HOLD));
    }
    if (options.checkpoints.includes(cycle)) share[cycle] = engine.proven.size / CLUSTERS.length;
  }
  KnowledgeFile.schema.parse(engine.kb);
  PredictorFile.schema.parse(engine.predictor);
  const loo = engine.predictor.history.at(-1)?.looAccuracy ?? null;
  return { share, applied: engine.applied, proven: engine.proven.size, loo };
}

/**
 * Runs every strategy on every seed and averages. See the module doc for the world model.
 *
 * @example
 * ```ts
 * const result = runLearningBenchmark({ seeds: [1, 2, 3] });
 * console.log(formatLearningReport(result));
 * ```
 */
export function runLearningBenchmark(
  options: LearningBenchmarkOptions = {},
): LearningBenchmarkResult {
  const seeds = options.seeds ?? Array.from({ length: 16 }, (_, i) => i + 1);
  const cycles = options.cycles ?? 50;
  const sim: SimOptions = {
    cycles,
    checkpoints: (options.checkpoints ?? [10, 20, 50]).filter((c) => c <= cycles),
    fixesPerCycle: options.fixesPerCycle ?? 3,
    epsilon: options.epsilon ?? 0.1,
    k: options.k,
  };
  const strategies: Strategy[] = ["lshml", "lshml, no k-NN", "random", "oracle"];
  const results = strategies.map((strategy): StrategyResult => {
    const runs = seeds.map((seed) => _simulate(strategy, seed, sim));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const provenShare = Object.fromEntries(
      sim.checkpoints.map((c) => [c, mean(runs.map((r) => r.share[c] ?? 0))]),
    );
    const loos = runs.flatMap((r) => r.loo === null ? [] : [r.loo]);
    return {
      strategy,
      provenShare,
      fixesPerProven: mean(runs.map((r) => r.applied / Math.max(1, r.proven))),
      looAccuracy: strategy === "lshml" && loos.length > 0 ? mean(loos) : null,
    };
  });
  return {
    clusters: CLUSTERS.length,
    families: FAMILIES.length * 2,
    genes: GENES.length,
    seeds,
    cycles,
    fixesPerCycle: sim.fixesPerCycle,
    results,
  };
}

/** The result as a table for people. */
export function formatLearningReport(result: LearningBenchmarkResult): string {
  const checkpoints = Object.keys(result.results[0]?.provenShare ?? {}).map(Number);
  const head = ["selection".padEnd(16), ...checkpoints.map((c) => `after ${c}`.padStart(9))];
  const lines = [
    `learning: ${result.clusters} clusters in ${result.families} wording families, ` +
    `${result.genes} genes, ${result.seeds.length} seeds, ` +
    `<= ${result.fixesPerCycle} fixes per cycle; share of clusters with a proven fix`,
    [...head, "  fixes/proven", "  LOO acc"].join(" "),
  ];
  for (const r of result.results) {
    const cells = checkpoints.map((c) => (r.provenShare[c] ?? 0).toFixed(3).padStart(9));
    const loo = r.looAccuracy === null ? "-" : r.looAccuracy.toFixed(3);
    lines.push(
      [r.strategy.padEnd(16), ...cells, r.fixesPerProven.toFixed(2).padStart(14), loo.padStart(9)]
        .join(" "),
    );
  }
  return lines.join("\n");
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      json: { type: "boolean", default: false },
      seeds: { type: "string" },
      cycles: { type: "string" },
      k: { type: "string" },
    },
  });
  const count = values.seeds === undefined ? undefined : Number(values.seeds);
  const result = runLearningBenchmark({
    ...(count === undefined ? {} : { seeds: Array.from({ length: count }, (_, i) => i + 1) }),
    ...(values.cycles === undefined ? {} : { cycles: Number(values.cycles) }),
    ...(values.k === undefined ? {} : { k: Number(values.k) }),
  });
  console.log(values.json ? JSON.stringify(result, null, 2) : formatLearningReport(result));
}
