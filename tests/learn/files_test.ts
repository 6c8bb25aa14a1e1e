import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  advanceFixes,
  applyOutcome,
  KnowledgeFile,
  predict,
  predictorExample,
  PredictorFile,
  recordApplied,
  startFix,
  trainPredictor,
} from "../../src/learn/mod.ts";
import { readVersioned, writeVersioned } from "../../src/store/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

describe("learning data files", () => {
  it("knowledge.json round-trips through the store", async () => {
    const path = join(tempDir(), "memory", "knowledge.json");
    const now = new Date("2026-03-01T12:00:00Z");
    let kb = recordApplied(KnowledgeFile.empty(), { clusterId: "c1", geneId: "g1", cycle: 1 }, now);
    let fixes = [startFix({ clusterId: "c1", geneId: "g1", eventId: "e1", cycle: 1 })];
    for (const cycle of [2, 3, 4]) {
      const step = advanceFixes(fixes, { cycle, seen: new Set() });
      fixes = step.fixes;
      for (const o of step.outcomes) kb = applyOutcome(kb, o, now);
    }
    await writeVersioned(path, KnowledgeFile, kb);
    const read = await readVersioned(path, KnowledgeFile);
    expect(read.existed).toBe(true);
    expect(read.value).toEqual(kb);
    expect(read.value.entries.c1?.g1).toMatchObject({ proven: 1, confidence: 2 / 3 });
  });

  it("predictor.json round-trips through the store with its vectors intact", async () => {
    const path = join(tempDir(), "memory", "predictor.json");
    const vector = new Float32Array([0.1, -0.7, 0.3, 1e-7]);
    let p = PredictorFile.empty();
    p = trainPredictor(p, [
      predictorExample({
        id: "e1",
        clusterId: "c1",
        text: "ENOENT <*>",
        space: "test:4",
        vector,
        geneId: "g1",
        outcome: "proven",
        cycle: 4,
      }),
    ], { cycle: 4, now: new Date("2026-03-01T12:00:00Z") });
    await writeVersioned(path, PredictorFile, p);
    const read = await readVersioned(path, PredictorFile);
    expect(read.value).toEqual(p);
    const [top] = predict(read.value, vector);
    expect(top?.geneId).toBe("g1");
    expect(top?.neighbours[0]?.similarity).toBeCloseTo(1, 6);
  });

  it("empty documents are valid files", () => {
    expect(KnowledgeFile.schema.parse(KnowledgeFile.empty())).toEqual(KnowledgeFile.empty());
    expect(PredictorFile.schema.parse(PredictorFile.empty())).toEqual(PredictorFile.empty());
  });
});
