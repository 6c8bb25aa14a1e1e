import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/mod.ts";
import { runScan } from "../../src/scan/mod.ts";
import { logFileSource } from "../../src/signals/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

/** Stands in for a semantic model: "refused" and "ECONNREFUSED" mean the same thing. */
const meaning: Embedder = {
  space: "test:meaning:3",
  dims: 3,
  embed(texts) {
    return Promise.resolve(
      texts.map((t) =>
        /refused|ECONNREFUSED/i.test(t)
          ? Float32Array.of(1, 0, 0)
          : /timed? ?out/i.test(t)
          ? Float32Array.of(0, 1, 0)
          : Float32Array.of(0, 0, 1)
      ),
    );
  },
};

describe("the semantic merge step of a scan", () => {
  it("folds a new cluster into an older one that means the same, and records it", async () => {
    const home = tempDir();
    const log = join(tempDir(), "app.log");
    writeFileSync(log, "ERROR connection refused by db.internal:5432\n");
    const now = () => new Date("2026-11-21T12:00:00Z");
    await runScan({ home, readers: [logFileSource(log)], now, embedder: meaning });
    appendFileSync(log, "ERROR connect ECONNREFUSED 10.1.2.3:5432 while opening pool\n");
    appendFileSync(log, "ERROR request timed out after 3000ms\n");
    const { report } = await runScan({
      home,
      readers: [logFileSource(log)],
      now,
      embedder: meaning,
    });
    expect(report.clusters.merged).toHaveLength(1);
    expect(report.clusters.merged[0]?.similarity).toBeCloseTo(1);
    expect(report.clusters.total).toBe(2);
    expect(report.clusters.known).toMatchObject([{ count: 2, seenNow: 1 }]);
    const registry = JSON.parse(
      Deno.readTextFileSync(join(home, "memory", "cluster-registry.json")),
    );
    expect(registry.merges[0].reason).toContain("semantic similarity 1.000 (test:meaning:3)");
  });
});
