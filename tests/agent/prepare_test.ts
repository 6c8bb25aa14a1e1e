import { describe, expect, it } from "vitest";
import { classifyText, prepareClassifier } from "../../src/signals/text/mod.ts";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { createHarness, userCtx } from "./_harness.ts";

describe("AgentHost.prepare (the engine's warm-up)", () => {
  it("runs a turn's code paths without changing anything: no memory written, no session, no selection", async () => {
    const h = createHarness();
    // A memory the warm-up's own recall finds: it must still not be selected or touched.
    const [vector] = await createLocalEmbedder({ dimensions: 512 }).embed(["warm up the embedder"]);
    h.memory.seed({
      intent: "warm up the embedder",
      experience: "run npm ci first",
      vector: vector!,
    });
    await h.host.prepare();
    await h.host.idle();
    expect(h.logged("lshml: ready (warm-up ")).toHaveLength(1);
    expect(h.logged("warm-up skipped")).toEqual([]);
    expect(h.memory.calls.some((c) => c.method === "recall")).toBe(true);
    const writes = h.memory.calls.filter((c) =>
      ["add", "updateQ", "markSelected"].includes(c.method)
    );
    expect(writes).toEqual([]);
    expect(h.memory.entries).toHaveLength(1);
    expect(h.logged("pending created")).toEqual([]);
  });

  it("leaves the first real turn to behave as without it", async () => {
    const prompt = "Please read config/app.yaml";
    const warmed = createHarness();
    await warmed.host.prepare();
    const cold = createHarness();
    const a = await warmed.host.beforePromptBuild({ prompt, messages: [] }, userCtx());
    const b = await cold.host.beforePromptBuild({ prompt, messages: [] }, userCtx());
    expect(a).toEqual(b);
    const created = (h: typeof warmed) =>
      h.logged("pending created").map((l) => l.replace(/task=\S+/, "task=?"));
    expect(created(warmed)).toEqual(created(cold));
    expect(created(warmed)).toHaveLength(1);
  });
});

describe("prepareClassifier", () => {
  it("compiles every expression of both scripts and does not change what is found", () => {
    const texts = [
      ["Error: ETIMEDOUT after 30000 ms", "tool"],
      ["还是不对，为什么还是报错？", "user"],
      ["I don't have a tool to browse the web.", "assistant"],
      ["権限がありません: /etc/shadow", "log"],
    ] as const;
    const before = texts.map(([text, role]) => classifyText(text, { role }));
    const ran = prepareClassifier();
    expect(ran).toBeGreaterThan(100);
    expect(prepareClassifier()).toBe(ran);
    const after = texts.map(([text, role]) => classifyText(text, { role }));
    expect(after).toEqual(before);
    expect(after.every((matches) => matches.length > 0)).toBe(true);
  });
});
