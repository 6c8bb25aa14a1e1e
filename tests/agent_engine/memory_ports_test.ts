import { afterAll, describe, expect, it } from "vitest";
import { localMemoryPort, memoryEmbedder, sharedMemoryPort } from "../../src/agent_engine/mod.ts";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { EpisodicMemory } from "../../src/memory/mod.ts";
import { createRemoteClient } from "../../src/remote/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

const base = createLocalEmbedder({ dimensions: 512 });
const INTENT = "rotate the tls certificate of the ingress controller";

async function memoryWithOne(home: string) {
  const memory = await EpisodicMemory.open(home, { embedder: base });
  const { id } = await memory.add({ intent: INTENT, experience: "Worked: cert-manager renew" });
  return { memory, id };
}

/** A hub that accepts registration and then never answers a search (a real HTTP server). */
function stallingHub() {
  const stalled: (() => void)[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (req) => {
    if (new URL(req.url).pathname.endsWith("/clients/register")) {
      return Response.json({
        request_key_id: "rk_0123456789abcdef01234567",
        key: `lshk_${"k".repeat(43)}`,
      });
    }
    return new Promise<Response>((resolve) => {
      stalled.push(() => resolve(Response.json({ space: "x", results: [] })));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${server.addr.port}/v1`,
    async close() {
      for (const release of stalled) release();
      await server.shutdown();
    },
  };
}

const hub = stallingHub();
afterAll(() => hub.close());

describe("the agent engine's memory ports", () => {
  it("localMemoryPort: recall sees a memory another process forgot (no stale injection)", async () => {
    const home = tempDir();
    const { memory, id } = await memoryWithOne(home);
    const embedder = memoryEmbedder(memory);
    const port = localMemoryPort({ memory, embedder, log: () => {} });
    const [query] = await embedder.embed([INTENT]);
    const before = await port.recall(query!, { delta: 0.15, k1: 5 });
    expect(
      (before as { readonly candidates: readonly { id: string }[] }).candidates.map((c) => c.id),
    ).toEqual([id]);

    const other = await EpisodicMemory.open(home, { embedder: base }); // e.g. `lshml memory forget`
    expect(await other.forget(id)).toBe(true);
    const after = await port.recall(query!, { delta: 0.15, k1: 5 });
    expect((after as { readonly candidates: readonly unknown[] }).candidates).toEqual([]);
  });

  it("sharedMemoryPort: a hub that never answers costs a prompt at most the budget (real stalling server)", async () => {
    const home = tempDir();
    const { memory, id } = await memoryWithOne(home);
    const embedder = memoryEmbedder(memory);
    const local = localMemoryPort({ memory, embedder, log: () => {} });
    const client = createRemoteClient({
      baseUrl: hub.baseUrl,
      timeoutMs: 5000,
      keyFile: `${home}/memory/remote-key.json`,
    });
    await client.register();
    const port = sharedMemoryPort({
      local,
      client,
      space: memory.space,
      embedder,
      budgetMs: 300,
      qOf: () => 0,
      log: () => {},
    });
    const [query] = await embedder.embed([INTENT]);
    const started = performance.now();
    const found = await port.recall(query!, { delta: 0.15, k1: 5 });
    const waited = performance.now() - started;
    expect((found as readonly { id: string }[]).map((c) => c.id)).toEqual([id]); // the local one, still
    // The hub holds the request for ever; the port gave up near its 300 ms budget, far below
    // the 5 s client timeout (a wide margin: this is a behaviour, not a speed target).
    expect(waited).toBeLessThan(2500);
  });
});
