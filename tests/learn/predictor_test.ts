import { describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/mod.ts";
import {
  addExample,
  looAccuracy,
  predict,
  type Predictor,
  predictorExample,
  PredictorFile,
  reembed,
  trainPredictor,
} from "../../src/learn/mod.ts";

const SPACE = "test:3";

/** A unit vector at `degrees` in the x-y plane: similarity = cos of the angle between two. */
function at(degrees: number): Float32Array {
  const r = (degrees * Math.PI) / 180;
  return new Float32Array([Math.cos(r), Math.sin(r), 0]);
}

function example(
  id: string,
  clusterId: string,
  geneId: string,
  outcome: "proven" | "failed",
  degrees: number,
) {
  return predictorExample({
    id,
    clusterId,
    text: `template of ${clusterId}`,
    space: SPACE,
    vector: at(degrees),
    geneId,
    outcome,
    cycle: 1,
  });
}

function predictorOf(...examples: ReturnType<typeof example>[]): Predictor {
  return examples.reduce(addExample, PredictorFile.empty());
}

describe("k-NN predictor", () => {
  it("lets a gene proven on very similar clusters win over one proven on distant ones", () => {
    const p = predictorOf(
      example("e1", "c1", "gene_near", "proven", 5),
      example("e2", "c2", "gene_near", "proven", 10),
      example("e3", "c3", "gene_far", "proven", 70),
      example("e4", "c4", "gene_far", "proven", 80),
    );
    const ranked = predict(p, at(0));
    expect(ranked.map((r) => r.geneId)).toEqual(["gene_near", "gene_far"]);
    const [near, far] = ranked;
    // (S+ + 0.5) / (S+ + 1) with S+ = cos 5° + cos 10°, against cos 70° + cos 80°.
    const sNear = Math.cos(Math.PI / 36) + Math.cos(Math.PI / 18);
    expect(near!.probability).toBeCloseTo((sNear + 0.5) / (sNear + 1), 5);
    expect(near!.support).toBe(2);
    expect(near!.neighbours[0]).toMatchObject({ clusterId: "c1", outcome: "proven" });
    expect(near!.neighbours[0]!.similarity).toBeCloseTo(Math.cos(Math.PI / 36), 5);
    expect(far!.probability).toBeLessThan(near!.probability);
  });

  it("votes against a gene that failed on similar clusters, and keeps probabilities in (0, 1)", () => {
    const p = predictorOf(
      example("e1", "c1", "gene_bad", "failed", 0),
      example("e2", "c2", "gene_bad", "failed", 3),
      example("e3", "c3", "gene_ok", "proven", 40),
    );
    const ranked = predict(p, at(0), { candidates: ["gene_bad", "gene_ok", "gene_new"] });
    expect(ranked.map((r) => r.geneId)).toEqual(["gene_ok", "gene_new", "gene_bad"]);
    expect(ranked[1]).toMatchObject({ probability: 0.5, support: 0, neighbours: [] });
    for (const r of ranked) expect(r.probability).toBeGreaterThan(0);
    for (const r of ranked) expect(r.probability).toBeLessThan(1);
  });

  it("uses only the k most similar examples and ignores dissimilar ones (similarity <= 0)", () => {
    const p = predictorOf(
      example("e1", "c1", "gene_a", "proven", 1),
      example("e2", "c2", "gene_a", "proven", 2),
      example("e3", "c3", "gene_b", "proven", 30),
      example("e4", "c4", "gene_c", "proven", 120),
    );
    expect(predict(p, at(0), { k: 2 }).map((r) => r.geneId)).toEqual(["gene_a"]);
    expect(predict(p, at(0)).map((r) => r.geneId)).toEqual(["gene_a", "gene_b"]);
    expect(predict(p, at(0), { excludeCluster: "c1", k: 1 })[0]?.neighbours[0]?.clusterId).toBe(
      "c2",
    );
  });

  it("replaces an earlier example of the same fix, so a reversed proof becomes a failure", () => {
    let p = predictorOf(example("e1", "c1", "gene_a", "proven", 0));
    p = addExample(p, example("e1", "c1", "gene_a", "failed", 0));
    expect(p.examples.map((e) => `${e.id}:${e.outcome}`)).toEqual(["e1:failed"]);
  });

  it("leave-one-out accuracy predicts each proven fix from the other clusters", () => {
    const p = predictorOf(
      example("e1", "c1", "gene_a", "proven", 0),
      example("e2", "c2", "gene_a", "proven", 5),
      example("e3", "c3", "gene_b", "proven", 90),
      example("e4", "c4", "gene_b", "proven", 95),
      example("e5", "c5", "gene_c", "proven", 180),
      example("e6", "c6", "gene_a", "failed", 180),
    );
    // c5 is alone in its direction: its neighbours (c6, failed) do not vote for gene_c.
    expect(looAccuracy(p)).toBe(4 / 5);
    expect(looAccuracy(PredictorFile.empty())).toBeNull();
    // Another example of the same cluster never predicts itself.
    const twice = addExample(p, example("e7", "c5", "gene_c", "proven", 180));
    expect(looAccuracy(twice)).toBe(4 / 6);
  });

  it("records the learning curve each time it is trained", () => {
    let p = PredictorFile.empty();
    p = trainPredictor(p, [example("e1", "c1", "gene_a", "proven", 0)], {
      cycle: 3,
      now: new Date("2026-01-01T00:00:00Z"),
    });
    p = trainPredictor(p, [example("e2", "c2", "gene_a", "proven", 4)], {
      cycle: 7,
      now: new Date("2026-01-02T00:00:00Z"),
    });
    expect(p.history).toEqual([
      { examples: 1, looAccuracy: 0, cycle: 3, at: "2026-01-01T00:00:00.000Z" },
      { examples: 2, looAccuracy: 1, cycle: 7, at: "2026-01-02T00:00:00.000Z" },
    ]);
  });

  it("never mixes spaces: other-space examples are ignored until re-embedded from their text", async () => {
    const p = predictorOf(
      example("e1", "c1", "gene_a", "proven", 0),
      example("e2", "c2", "gene_b", "proven", 90),
    );
    const other = predictorExample({
      id: "x",
      clusterId: "c9",
      text: "t",
      space: "other:2",
      vector: new Float32Array([1, 0]),
      geneId: "gene_z",
      outcome: "proven",
      cycle: 1,
    });
    expect(() => addExample(p, other)).toThrow(/re-embed first/);
    expect(predict(p, at(0), { space: "other:2" })).toEqual([]);

    // A fake 2-d embedder: "template of c1" → (1, 0), anything else → (0, 1).
    const calls: string[][] = [];
    const embedder: Embedder = {
      space: "other:2",
      dims: 2,
      embed: (texts) => {
        calls.push([...texts]);
        return Promise.resolve(
          texts.map((t) => new Float32Array(t.endsWith("c1") ? [3, 0] : [0, 2])),
        );
      },
    };
    const moved = await reembed(p, embedder);
    expect(moved.space).toBe("other:2");
    expect(moved.examples.every((e) => e.space === "other:2")).toBe(true);
    expect(calls).toEqual([["template of c1", "template of c2"]]);
    const [top] = predict(moved, new Float32Array([1, 0]));
    expect(top).toMatchObject({ geneId: "gene_a", support: 1 });
    expect(top!.neighbours[0]!.similarity).toBeCloseTo(1, 6);
    expect(predict(moved, at(0), { space: SPACE })).toEqual([]);
    expect(await reembed(moved, embedder)).toEqual(moved);
    expect(calls).toHaveLength(1);
  });

  it("stays fast enough for thousands of examples", () => {
    let p = PredictorFile.empty();
    const examples = Array.from({ length: 5_000 }, (_, i) =>
      predictorExample({
        id: `e${i}`,
        clusterId: `c${i % 700}`,
        text: "t",
        space: "test:256",
        vector: Float32Array.from({ length: 256 }, (_, j) => Math.sin(i * 7.1 + j * 1.3)),
        geneId: `gene_${i % 13}`,
        outcome: i % 3 === 0 ? "failed" : "proven",
        cycle: 1,
      }));
    p = { ...p, space: "test:256", examples };
    const query = Float32Array.from({ length: 256 }, (_, j) => Math.cos(j));
    predict(p, query);
    const start = performance.now();
    for (let i = 0; i < 10; i++) predict(p, query);
    // Generous bound (shared CI machines); the benchmark measures the real number.
    expect((performance.now() - start) / 10).toBeLessThan(100);
  });
});
