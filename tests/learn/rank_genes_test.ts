import { describe, expect, it } from "vitest";
import {
  addExample,
  applyOutcome,
  chooseGene,
  createRng,
  type FixOutcome,
  type GeneCandidate,
  type KnowledgeBase,
  KnowledgeFile,
  type Predictor,
  predictorExample,
  PredictorFile,
  type RankCluster,
  rankGenes,
} from "../../src/learn/mod.ts";

const SPACE = "test:3";
const unit = (x: number, y: number) => {
  const n = Math.hypot(x, y);
  return new Float32Array([x / n, y / n, 0]);
};

const cluster: RankCluster = {
  id: "c_here",
  template: "ENOENT: no such file or directory, open <*>",
  signalTypes: { missing_resource: 4 },
  vector: unit(1, 0),
};

const repair = (id: string, signals: string[]): GeneCandidate => ({
  id,
  category: "repair",
  signals_match: signals,
});

const genes = [
  repair("gene_here", ["missing_resource"]),
  repair("gene_similar", ["missing_resource"]),
  repair("gene_untried", ["missing_resource"]),
  repair("gene_failed", ["missing_resource"]),
  repair("gene_keyword", ["enoent"]),
  repair("gene_other", ["timeout"]),
];

function outcome(clusterId: string, geneId: string, status: "proven" | "failed"): FixOutcome {
  const eventId = `evt_${clusterId}_${geneId}`;
  return {
    id: `${eventId}:${status}`,
    clusterId,
    geneId,
    eventId,
    status,
    cycle: 4,
    appliedCycle: 1,
    cleanCycles: 3,
    reason: "test",
  };
}

function world(): { kb: KnowledgeBase; predictor: Predictor } {
  let kb = KnowledgeFile.empty();
  let predictor = PredictorFile.empty();
  const learn = (o: FixOutcome, vector: Float32Array) => {
    kb = applyOutcome(kb, o, new Date("2026-01-01T00:00:00Z"));
    predictor = addExample(
      predictor,
      predictorExample({
        ...o,
        id: o.eventId,
        text: o.clusterId,
        space: SPACE,
        outcome: o.status,
        vector,
      }),
    );
  };
  learn(outcome("c_here", "gene_here", "proven"), cluster.vector!);
  learn(outcome("c_here", "gene_failed", "failed"), cluster.vector!);
  learn(outcome("c_near1", "gene_similar", "proven"), unit(1, 0.3));
  learn(outcome("c_near2", "gene_similar", "proven"), unit(1, 0.4));
  learn(outcome("c_far", "gene_other", "proven"), unit(0, 1));
  return { kb, predictor };
}

describe("rankGenes()", () => {
  it("prefers a gene proven here, then one proven on similar clusters, and avoids one that failed here", () => {
    const ranked = rankGenes({ cluster, genes, intent: "repair", ...world() });
    expect(ranked.map((r) => r.geneId)).toEqual([
      "gene_here",
      "gene_similar",
      // a tie at the prior: the library's order decides
      "gene_untried",
      "gene_keyword",
      "gene_other",
      "gene_failed",
    ]);
    const byId = Object.fromEntries(ranked.map((r) => [r.geneId, r]));
    expect(byId.gene_here!.reasons).toContain("proven 1× on this cluster");
    expect(
      byId.gene_similar!.reasons.some((r) =>
        /^2 similar clusters were fixed by it \(sim 0\.9\d\)$/.test(r)
      ),
    )
      .toBe(true);
    expect(byId.gene_keyword!.reasons).toContain("matches enoent");
    expect(byId.gene_untried!.reasons).toContain("matches missing_resource");
    expect(byId.gene_failed!.reasons).toContain("failed 1× on this cluster");
    expect(byId.gene_other!.parts.match).toBeLessThan(1);
    expect(byId.gene_other!.reasons.join(" ")).toContain("does not match");
  });

  it("shows its parts: kb confidence here, the predictor's vote, the match and the prior", () => {
    const ranked = rankGenes({ cluster, genes, ...world() });
    const here = ranked.find((r) => r.geneId === "gene_here")!;
    expect(here.parts).toEqual({ kb: 2 / 3, predictor: null, match: 1, matched: 1, prior: 0.5 });
    expect(here.here).toEqual({ applied: 0, proven: 1, failed: 0 });
    // (W·P + S+ + M·b) / (W·(P+F) + S+ + S- + M) = (5 + 0 + 1) / (5 + 0 + 2)
    expect(here.score).toBeCloseTo(6 / 7, 10);
    const similar = ranked.find((r) => r.geneId === "gene_similar")!;
    expect(similar.parts.kb).toBeNull();
    expect(similar.parts.predictor).toBeGreaterThan(0.7);
    // Its own examples never vote for it: the knowledge base holds this cluster's record.
    expect(ranked.every((r) => r.reasons.every((s) => !s.includes("c_here")))).toBe(true);
  });

  it("falls back to signals_match and built-in priors at cold start", () => {
    const empty = { kb: KnowledgeFile.empty(), predictor: PredictorFile.empty() };
    const ranked = rankGenes({
      cluster,
      genes,
      priors: { gene_untried: 0.7 },
      ...empty,
    });
    expect(ranked[0]).toMatchObject({ geneId: "gene_untried", score: 0.7 });
    expect(ranked.at(-1)).toMatchObject({ geneId: "gene_other", score: 0.5 * 0.2 });
    expect(ranked[0]!.reasons).toContain("no history elsewhere: prior 0.70");
  });

  it("uses a gene's record on other clusters as its prior, and the intent as a nudge", () => {
    let kb = KnowledgeFile.empty();
    for (const c of ["x1", "x2", "x3"]) {
      kb = applyOutcome(kb, outcome(c, "gene_untried", "proven"), new Date(0));
    }
    const ranked = rankGenes({
      cluster: { id: cluster.id, template: cluster.template, signalTypes: cluster.signalTypes },
      genes: [repair("gene_untried", ["missing_resource"]), {
        id: "gene_opt",
        category: "optimize",
        signals_match: ["missing_resource"],
      }],
      intent: "repair",
      kb,
      predictor: PredictorFile.empty(),
    });
    expect(ranked[0]!.parts.prior).toBeCloseTo(4 / 5);
    expect(ranked[0]!.reasons).toContain("proven 3×, failed 0× on other clusters (prior 0.80)");
    expect(ranked[1]!.score).toBeCloseTo(0.5 * 0.8);
    expect(ranked[1]!.reasons).toContain("category optimize differs from the intent repair");
  });
});

describe("chooseGene() and createRng()", () => {
  const ranked = rankGenes({ cluster, genes, ...world() });

  it("replays identically from the same seed", () => {
    const run = (seed: number) => {
      const rng = createRng(seed);
      return Array.from(
        { length: 50 },
        () => chooseGene(ranked, rng, { epsilon: 0.3 }).gene.geneId,
      );
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    expect(createRng(1)()).toBe(createRng(1)());
  });

  it("mostly takes the top and explores with probability ε, never into a failure here", () => {
    const rng = createRng(123);
    const picks = Array.from({ length: 2_000 }, () => chooseGene(ranked, rng, { epsilon: 0.2 }));
    const explored = picks.filter((p) => p.explored).length / picks.length;
    expect(explored).toBeGreaterThan(0.17);
    expect(explored).toBeLessThan(0.23);
    expect(picks.filter((p) => !p.explored).every((p) => p.rank === 0)).toBe(true);
    const exploredIds = new Set(picks.filter((p) => p.explored).map((p) => p.gene.geneId));
    expect([...exploredIds].sort()).toEqual(["gene_keyword", "gene_similar", "gene_untried"]);
    expect(chooseGene(ranked, createRng(1), { epsilon: 0 }).gene.geneId).toBe("gene_here");
  });

  it("draws uniform numbers in [0, 1)", () => {
    const rng = createRng(2026);
    const xs = Array.from({ length: 10_000 }, rng);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  it("refuses an empty ranking", () => {
    expect(() => chooseGene([], createRng(1))).toThrow(RangeError);
  });
});
