import { describe, expect, it } from "vitest";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { FakeMemory } from "./_fake_memory.ts";
import { createHarness, runTurn } from "./_harness.ts";

const embedder = createLocalEmbedder({ dimensions: 512 });
const embed = async (text: string) => (await embedder.embed([text]))[0]!;

const DEPLOY = "deploy the web app to the staging cluster with helm";
const BUILD = "fix the failing build in the ci.yml workflow";
const tool = { name: "exec", args: { command: "helm upgrade web" }, ok: true, output: "ok" };

describe("Q update (FAKE memory): only the memories injected into the task's own turns", () => {
  it("updates the memory selected for this task, and neither unselected ones nor an earlier task's", async () => {
    const memory = new FakeMemory();
    const forDeploy = memory.seed({
      intent: DEPLOY,
      experience: "Worked: helm upgrade",
      vector: await embed(DEPLOY),
    });
    const forBuild = memory.seed({
      intent: BUILD,
      experience: "Worked: npm ci",
      vector: await embed(BUILD),
    });
    const unrelated = memory.seed({
      intent: "write a haiku about autumn rain",
      experience: "Worked: 5-7-5",
      vector: await embed("write a haiku about autumn rain"),
    });
    const h = createHarness({ memory, config: { retrieval: { epsilon: 0 } } });

    // Injects forDeploy; closed by the new intent below and learned (three successful calls).
    await runTurn(h, DEPLOY, { tools: [tool, tool, tool] });
    await runTurn(h, BUILD, { tools: [tool] }); // injects forBuild
    await h.host.beforePromptBuild({ prompt: "great, that works now!" }, {
      sessionKey: "agent:main:main",
    });
    await h.host.idle();

    const updates = memory.callsOf("updateQ");
    expect(updates).toEqual([[[forDeploy], expect.any(Number)], [[forBuild], expect.any(Number)]]);
    const reward = updates[1]![1] as number;
    expect(memory.get(forBuild)!.q).toBeCloseTo(0.3 * reward, 6); // Q ← 0 + α(r − 0)
    expect(memory.get(unrelated)!.q).toBe(0);
    expect(memory.get(unrelated)!.selectedCount).toBe(0);
    expect(h.logged("[lshml] pending created")[1]).toContain(`selectedIds=${forBuild}`);
  });

  it("after a retry, the second verdict updates only memories injected after the first one", async () => {
    const memory = new FakeMemory();
    const first = memory.seed({
      intent: BUILD,
      experience: "Tried: npm ci",
      vector: await embed(BUILD),
    });
    const h = createHarness({ memory });
    await runTurn(h, BUILD, { tools: [tool] }); // injects `first`
    await runTurn(h, "why is it still broken?", { tools: [tool] }); // retry: query = intent → `first` again
    await h.host.beforePromptBuild({ prompt: "perfect, it works now!" }, {
      sessionKey: "agent:main:main",
    });
    await h.host.idle();
    const updates = memory.callsOf("updateQ");
    expect(updates).toHaveLength(2);
    expect(updates[0]![1]).toBeLessThan(0);
    expect(updates[1]![1]).toBeGreaterThan(0);
    expect(updates.map(([ids]) => ids)).toEqual([[first], [first]]);
  });

  it("injects nothing (and so updates nothing) when the best similarity is below retrieval.tau", async () => {
    const memory = new FakeMemory();
    memory.seed({ intent: BUILD, experience: "Worked: npm ci", vector: await embed(BUILD) });
    const h = createHarness({ memory });
    const injected = await runTurn(h, "fix the failing lint step in the release pipeline", {
      tools: [tool],
    });
    expect(injected).toBeUndefined();
    expect(h.logged("[lshml] phase-b")[0]).toContain("selected=0");
    await h.host.beforePromptBuild({ prompt: "great, that works now!" }, {
      sessionKey: "agent:main:main",
    });
    await h.host.idle();
    expect(memory.callsOf("updateQ")).toEqual([]);
    expect(h.logged("learning start")[0]).toContain("selectedIds=none");
  });
});
