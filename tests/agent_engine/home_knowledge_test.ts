import { describe, expect, it } from "vitest";
import { homeKnowledge } from "../../src/agent_engine/mod.ts";
import { tempDir } from "../_helpers/cli.ts";
import { demoHome } from "./_engine.ts";

const READ_ERROR = "read: File not found: [REDACTED_PATH]/config/app.yaml.";

describe("homeKnowledge(): live healing's view of a home", () => {
  it("finds the demo's cluster for an error line and the fix the cycles proved for it", async () => {
    const warnings: string[] = [];
    const knowledge = homeKnowledge({
      home: await demoHome(),
      now: () => new Date(),
      warn: (l) => warnings.push(l),
    });
    const match = await knowledge.matchCluster(READ_ERROR);
    expect(match).toEqual({ clusterId: "c05fp9c1pvvq", template: "read: File not found: <*>" });
    const fix = await knowledge.fixFor(match!.clusterId);
    expect(fix?.status).toBe("proven");
    expect(fix?.gene.id).toBe("gene_missing_resource_verify_path");
    expect(fix?.gene.strategy.length).toBeGreaterThan(0);
    expect(await knowledge.matchCluster("a sentence that is no error at all")).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it("knows nothing in a fresh home, without failing", async () => {
    const knowledge = homeKnowledge({ home: tempDir(), now: () => new Date(), warn: () => {} });
    expect(await knowledge.matchCluster(READ_ERROR)).toBeUndefined();
    expect(await knowledge.fixFor("c05fp9c1pvvq")).toBeUndefined();
  });

  it("says once that healing is off when state.json is corrupt, and heals again once it is repaired", async () => {
    const home = await demoHome();
    const warnings: string[] = [];
    const knowledge = homeKnowledge({ home, now: () => new Date(), warn: (l) => warnings.push(l) });
    const state = `${home}/memory/state.json`;
    const good = await Deno.readTextFile(state);
    await Deno.writeTextFile(state, "{ not json");
    expect(await knowledge.matchCluster(READ_ERROR)).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("live healing is off until this is fixed");
    expect(warnings[0]).toContain("moved aside");
    // The store moved the corrupt copy aside (nothing lost): clusters are known, no fix is.
    const corrupt = [...Deno.readDirSync(`${home}/memory`)].filter((e) =>
      e.name.includes("corrupt")
    );
    expect(corrupt).toHaveLength(1);
    expect(await knowledge.fixFor("c05fp9c1pvvq")).toBeUndefined();
    // Putting the repaired file back brings the fix back, without a restart.
    await Deno.writeTextFile(state, good);
    expect((await knowledge.fixFor("c05fp9c1pvvq"))?.status).toBe("proven");
    expect(warnings).toHaveLength(1);
  });
});
