import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { EpisodicMemory } from "../../src/memory/mod.ts";
import type { MemoriesResponse, OverviewResponse } from "../../src/server/mod.ts";
import { createApp, episodicMemoryOpener } from "../../src/server/mod.ts";
import { defaultConfig, now, request, testDeps } from "./_fixtures.ts";

const config = defaultConfig();
const embedder = createLocalEmbedder({ dimensions: config.embedding.dimensions });
const PAYLOAD =
  `<img src=x onerror="globalThis.__lshmlXss=3"><script>globalThis.__lshmlXss=4</script>`;

/** The memory's snapshot, vectors and operations log. */
const MEMORY_DATA = /^episodic-memory\.(?:json|vectors\.\d+\.f32|ops\.\d+\.jsonl)$/;

let home: string;
let ids: { build: string; deploy: string; branch: string };

beforeEach(async () => {
  home = Deno.makeTempDirSync({ prefix: "lshml-memories-test-" });
  const memory = await EpisodicMemory.open(home, { embedder, now });
  const [build, deploy, branch] = await memory.addMany([
    {
      intent: "the build fails with ENOENT for scripts/run_tests.sh",
      experience: "Worked: list the scripts folder first; the tests run with scripts/test.sh.",
    },
    { intent: "deploy the documentation site", experience: `Use the deploy script. ${PAYLOAD}` },
    { intent: "rename the release branch", experience: "Forget-me: rename with git branch -m." },
  ]);
  ids = { build: build!.id, deploy: deploy!.id, branch: branch!.id };
  await memory.updateQ([ids.build], 1);
  await memory.updateQ([ids.build], 1);
  await memory.markSelected([ids.build]);
  await memory.updateQ([ids.deploy], -1);
});

const app = () =>
  createApp(testDeps(home, { memory: episodicMemoryOpener({ embedder, now, config }) }));

async function memories(query = ""): Promise<Extract<MemoriesResponse, { available: true }>> {
  const res = await request(app(), `/api/memories${query}`);
  const body: MemoriesResponse = await res.json();
  if (!body.available) throw new Error(body.reason);
  return body;
}

describe("GET /api/memories", () => {
  it("lists memories by Q with their uses and the text that would be injected", async () => {
    const data = await memories("?sort=q");
    expect(data.items.map((m) => m.id)).toEqual([ids.build, ids.branch, ids.deploy]);
    const best = data.items[0]!;
    expect(best.q).toBeCloseTo(0.51, 2); // 0 → 0.3 → 0.51 with α = 0.3
    expect(best.selectedCount).toBe(1);
    expect(best.injected).toContain("<lshml-memories>");
    expect(best.injected).toContain("UNTRUSTED HINTS");
    expect(data.stats).toMatchObject({ count: 3, maxEntries: 200, totalSelected: 1 });
    expect(data.stats.qHistogram.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(data.injection).toBeNull();
  });

  it("escapes markup in what would be injected (the plugin's own escaping)", async () => {
    const data = await memories();
    const deploy = data.items.find((m) => m.id === ids.deploy)!;
    expect(deploy.experience).toContain(PAYLOAD); // the raw text, for the page to show as text
    expect(deploy.injected).not.toContain("<script>");
    expect(deploy.injected).toContain("&lt;script&gt;");
  });

  it("searches like the plugin recalls: phase A candidates, phase B's pick and the τ gate", async () => {
    const data = await memories(
      `?q=${encodeURIComponent("the build fails with ENOENT for scripts/run_tests.sh")}`,
    );
    expect(data.items[0]?.id).toBe(ids.build);
    expect(data.injection?.reason).toBe("injected");
    expect(data.injection?.block).toContain("Worked: list the scripts folder first");
    const far = await memories(`?q=${encodeURIComponent("build scripts")}`);
    expect(far.injection?.reason).not.toBe("injected");
    expect(far.injection?.block).toBeNull();
  });

  it("shows a home without memories as empty, and creates nothing there", async () => {
    const empty = Deno.makeTempDirSync({ prefix: "lshml-memories-empty-" });
    const res = await request(
      createApp(testDeps(empty, { memory: episodicMemoryOpener({ embedder, now, config }) })),
      "/api/memories",
    );
    expect(await res.json()).toMatchObject({ available: true, items: [], stats: { count: 0 } });
    expect(readdirSync(empty)).toEqual([]);
  });

  it("feeds the overview's memory size and Q distribution", async () => {
    const res = await request(app(), "/api/overview");
    const data: OverviewResponse = await res.json();
    expect(data.memory).toMatchObject({ available: true, stats: { count: 3 } });
  });
});

describe("DELETE /api/memories/:id", () => {
  it("forgets one memory: gone from the list and from every file on disk", async () => {
    const res = await request(app(), `/api/memories/${ids.branch}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: ids.branch, forgotten: true });
    expect((await memories()).items.map((m) => m.id)).not.toContain(ids.branch);
    const reopened = await EpisodicMemory.open(home, { embedder, now });
    expect(reopened.get(ids.branch)).toBeUndefined();
    expect(reopened.size).toBe(2);
    const dir = join(home, "memory");
    // The data files (a lock's holder note may come and go meanwhile).
    for (const name of readdirSync(dir).filter((n) => MEMORY_DATA.test(n))) {
      expect(readFileSync(join(dir, name)).toString("latin1"), name).not.toContain("Forget-me");
    }
  });

  it("answers 404 for a memory that is not there, and 403 without the CSRF token", async () => {
    expect((await request(app(), "/api/memories/nope", { method: "DELETE" })).status).toBe(404);
    const refused = await request(app(), `/api/memories/${ids.build}`, {
      method: "DELETE",
      csrf: false,
      headers: { Origin: "http://127.0.0.1:8420" },
    });
    expect(refused.status).toBe(403);
  });

  it("says why when this lshml has no memory module to show", async () => {
    const res = await request(createApp(testDeps(home)), "/api/memories");
    expect(await res.json()).toMatchObject({ available: false });
  });
});
