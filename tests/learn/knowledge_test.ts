import { describe, expect, it } from "vitest";
import {
  applyOutcome,
  type FixOutcome,
  geneStats,
  type KnowledgeBase,
  knowledgeEntry,
  KnowledgeFile,
  posteriorMean,
  recordApplied,
} from "../../src/learn/mod.ts";

const T0 = new Date("2026-01-01T00:00:00Z");
const LATER = new Date("2031-06-01T00:00:00Z");

function outcome(
  eventId: string,
  status: "proven" | "failed",
  extra: Partial<FixOutcome> = {},
): FixOutcome {
  return {
    id: `${eventId}:${status}`,
    clusterId: "c1",
    geneId: "gene_a",
    eventId,
    status,
    cycle: 5,
    appliedCycle: 2,
    cleanCycles: 3,
    reason: "test",
    ...extra,
  };
}

describe("knowledge base", () => {
  it("posteriorMean() is Laplace's rule with the neutral prior and honours a given prior", () => {
    expect(posteriorMean(0, 0)).toBe(0.5);
    expect(posteriorMean(2, 0)).toBe(0.75);
    expect(posteriorMean(1, 3)).toBeCloseTo(2 / 6);
    expect(posteriorMean(0, 1, { prior: 0.8 })).toBeCloseTo(1.6 / 3);
    expect(() => posteriorMean(-1, 0)).toThrow(RangeError);
  });

  it("moves confidence with every outcome: (proven + 1) / (proven + failed + 2)", () => {
    let kb = KnowledgeFile.empty();
    kb = recordApplied(kb, { clusterId: "c1", geneId: "gene_a", cycle: 2 }, T0);
    expect(knowledgeEntry(kb, "c1", "gene_a")).toMatchObject({ applied: 1, confidence: 0.5 });
    const seen: number[] = [];
    for (const [i, status] of (["proven", "proven", "failed"] as const).entries()) {
      kb = applyOutcome(kb, outcome(`e${i}`, status), T0);
      seen.push(knowledgeEntry(kb, "c1", "gene_a")!.confidence);
    }
    expect(seen).toEqual([2 / 3, 3 / 4, 3 / 5]);
    expect(knowledgeEntry(kb, "c1", "gene_a")).toMatchObject({
      proven: 2,
      failed: 1,
      lastOutcome: "failed",
    });
    expect(geneStats(kb, "gene_a")).toMatchObject({ proven: 2, failed: 1, clusters: 1 });
  });

  it("never moves confidence with time: the same outcomes years apart give the same numbers", () => {
    const early = applyOutcome(KnowledgeFile.empty(), outcome("e1", "proven"), T0);
    const late = applyOutcome(KnowledgeFile.empty(), outcome("e1", "proven"), LATER);
    const strip = (kb: KnowledgeBase) => JSON.stringify(kb).replace(/"\d{4}-[^"]+Z"/g, '"t"');
    expect(strip(early)).toBe(strip(late));
    const after = recordApplied(early, { clusterId: "c2", geneId: "gene_b", cycle: 99 }, LATER);
    expect(knowledgeEntry(after, "c1", "gene_a")?.confidence).toBe(2 / 3);
  });

  it("moves a reversed proof from proven to failed", () => {
    let kb = applyOutcome(KnowledgeFile.empty(), outcome("e1", "proven"), T0);
    kb = applyOutcome(kb, outcome("e1", "failed", { reverses: "e1:proven" }), T0);
    expect(knowledgeEntry(kb, "c1", "gene_a")).toMatchObject({
      proven: 0,
      failed: 1,
      confidence: 1 / 3,
    });
    expect(geneStats(kb, "gene_a")).toMatchObject({ proven: 0, failed: 1, confidence: 1 / 3 });
  });

  it("counts an outcome once, even when applied twice", () => {
    const once = applyOutcome(KnowledgeFile.empty(), outcome("e1", "proven"), T0);
    expect(applyOutcome(once, outcome("e1", "proven"), LATER)).toBe(once);
  });

  it("keeps per-gene aggregates across clusters and leaves its input untouched", () => {
    const empty = KnowledgeFile.empty();
    let kb = applyOutcome(empty, outcome("e1", "proven"), T0);
    kb = applyOutcome(kb, outcome("e2", "proven", { clusterId: "c2" }), T0);
    kb = applyOutcome(kb, outcome("e3", "failed", { clusterId: "c3" }), T0);
    expect(geneStats(kb, "gene_a")).toMatchObject({
      proven: 2,
      failed: 1,
      clusters: 3,
      confidence: 3 / 5,
    });
    expect(empty).toEqual(KnowledgeFile.empty());
    expect(KnowledgeFile.schema.parse(kb)).toEqual(kb);
  });

  it("treats ids such as 'constructor' as data, not as inherited properties", () => {
    expect(knowledgeEntry(KnowledgeFile.empty(), "constructor", "toString")).toBeUndefined();
    const kb = applyOutcome(
      KnowledgeFile.empty(),
      outcome("e1", "proven", { clusterId: "constructor", geneId: "toString" }),
      T0,
    );
    expect(knowledgeEntry(kb, "constructor", "toString")?.proven).toBe(1);
  });
});
