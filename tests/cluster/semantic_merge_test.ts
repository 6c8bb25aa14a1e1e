import { describe, expect, it } from "vitest";
import { applySemanticMerges, type SemanticMerger, TemplateMiner } from "../../src/cluster/mod.ts";

describe("applySemanticMerges()", () => {
  it("applies the proposals and skips those already merged", async () => {
    const miner = new TemplateMiner();
    const refused = miner.add("connect ECONNREFUSED 127.0.0.1:8080").clusterId;
    const peer = miner.add("connection refused by peer 127.0.0.1").clusterId;
    const seen: string[][] = [];
    const merger: SemanticMerger = {
      propose: (clusters) => {
        seen.push(clusters.map((cluster) => cluster.template));
        return Promise.resolve([
          { from: peer, into: refused, similarity: 0.93 },
          { from: peer, into: refused, similarity: 0.93 },
        ]);
      },
    };
    const applied = await applySemanticMerges(miner, merger);
    expect(seen).toEqual([["connect ECONNREFUSED <*>", "connection refused by peer <*>"]]);
    expect(applied).toHaveLength(1);
    expect(miner.resolve(peer)).toBe(refused);
    expect(miner.clusterCount).toBe(1);
  });
});
