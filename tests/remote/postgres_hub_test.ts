import { join } from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteClient, REMOTE_KEY_FILE, type RemoteClient } from "../../src/remote/mod.ts";
import { ROOT, tempDir } from "../_helpers/cli.ts";
import { randomVectors } from "./_hub.ts";
import { type HubProcess, startHubProcess } from "./_hub_process.ts";
import { startPostgres, type ThrowawayPostgres } from "./_postgres.ts";

const HUBS = 3;
const WRITERS_PER_HUB = 4;
const BATCHES = 10;
const PER_BATCH = 8;
const DIMS = 64;
const SPACE = "test:random:64";
const ALPHA = 0.3;

let pg: ThrowawayPostgres;
let hubs: HubProcess[] = [];

beforeAll(async () => {
  // No skip: a machine without PostgreSQL fails here, saying how to install it.
  pg = await startPostgres();
  const home = tempDir("lshml-hub-home-");
  hubs = await Promise.all(Array.from({ length: HUBS }, () =>
    startHubProcess(
      ["--home", home, "hub", "serve", "--postgres", pg.url, "--rate", "1000", "--burst", "10000"],
      [
        `--allow-net=127.0.0.1:0,127.0.0.1:${pg.port}`,
        `--allow-read=${ROOT},${home}`,
        `--allow-write=${home}`,
        "--allow-env",
      ],
    )));
}, 120_000);

afterAll(async () => {
  const stopped = await Promise.all(hubs.map((h) => h.stop()));
  await pg?.stop();
  for (const { code, stderr } of stopped) {
    expect(stderr).toContain("lshml hub: stopping");
    expect(code).toBe(0);
  }
}, 60_000);

function clientOf(baseUrl: string): RemoteClient {
  return createRemoteClient({
    baseUrl,
    timeoutMs: 20_000,
    keyFile: join(tempDir("lshml-home-"), REMOTE_KEY_FILE),
  });
}

const triplet = (vector: Float32Array, text: string) => ({
  experience: text,
  embedding: vector,
  space: SPACE,
  q: 0.2,
});

describe("the hub on PostgreSQL, several hub processes sharing one database", () => {
  it(
    "loses no write under concurrent ingest and feedback, and every process sees every memory",
    async () => {
      const writers = hubs.flatMap((hub) =>
        Array.from({ length: WRITERS_PER_HUB }, () => ({ hub, client: clientOf(hub.baseUrl) }))
      );
      await Promise.all(writers.map((w) => w.client.register()));

      // The same memory offered through every process at once: one stored, the rest merged.
      const [twin] = randomVectors(1, DIMS, 999);
      const offers = await Promise.all(
        writers.map((w) => w.client.ingest([triplet(twin!, "restart the worker, then retry")])),
      );
      const statuses = offers.map((o) => o.outcomes[0]!.status).sort();
      expect(statuses.filter((s) => s === "stored")).toHaveLength(1);
      expect(statuses.filter((s) => s === "merged")).toHaveLength(writers.length - 1);
      const shared = offers.flatMap((o) => o.outcomes).find((o) => o.status === "stored");
      const sharedId = shared && "id" in shared ? shared.id : "";

      const vectors = randomVectors(writers.length * BATCHES * PER_BATCH, DIMS, 1);
      const stored = new Map<string, Float32Array>();
      let feedbackSent = 0;
      await Promise.all(writers.map(async (w, n) => {
        for (let b = 0; b < BATCHES; b++) {
          const start = (n * BATCHES + b) * PER_BATCH;
          const batch = vectors.slice(start, start + PER_BATCH);
          const report = await w.client.ingest(
            batch.map((v, i) => triplet(v, `lesson ${start + i}: check the exit code first`)),
          );
          expect(report.stored).toBe(PER_BATCH);
          report.outcomes.forEach((o, i) => {
            if (o.status === "stored") stored.set(o.id, batch[i]!);
          });
          w.client.feedback([sharedId], 1);
          feedbackSent++;
        }
        await w.client.flush(60_000);
        expect(w.client.stats().feedback).toMatchObject({ sent: BATCHES, failed: 0, dropped: 0 });
      }));
      expect(stored.size).toBe(writers.length * BATCHES * PER_BATCH);

      const sql = postgres(pg.url, { max: 1, onnotice: () => undefined });
      try {
        const rows = await sql`SELECT id FROM memories`;
        const ids = new Set(rows.map((r) => String(r.id)));
        expect(ids.size).toBe(stored.size + 1);
        for (const id of stored.keys()) expect(ids.has(id)).toBe(true);
        const [meta] = await sql`SELECT memories, version FROM hub_meta`;
        expect(Number(meta!.memories)).toBe(stored.size + 1);
        const [one] = await sql`SELECT q, uses, merged FROM memories WHERE id = ${sharedId}`;
        expect(Number(one!.uses)).toBe(feedbackSent);
        expect(Number(one!.merged)).toBe(writers.length - 1);
        // n updates with the same reward r = 1 from Q₀: Q = 1 − (1 − Q₀)(1 − α)ⁿ, in any order.
        const q0 = 0.5 * 0.2;
        expect(Number(one!.q)).toBeCloseTo(1 - (1 - q0) * (1 - ALPHA) ** feedbackSent, 9);
        const [sums] = await sql`SELECT sum(memories) AS memories, sum(merged) AS merged,
                                      sum(uses) AS uses FROM clients`;
        expect(Number(sums!.memories)).toBe(stored.size + 1);
        expect(Number(sums!.merged)).toBe(writers.length - 1);
      } finally {
        await sql.end();
      }

      // Read-your-writes across processes: what went in through one hub is found through all.
      const sample = [...stored].filter((_, i) => i % 37 === 0);
      for (const hub of hubs) {
        const reader = clientOf(hub.baseUrl);
        await reader.register();
        for (const [id, vector] of sample) {
          const [best] = await reader.search(vector, SPACE, { k: 1, budgetMs: 20_000 });
          expect(best?.id).toBe(id);
          expect(best!.similarity).toBeCloseTo(1, 5);
        }
      }
    },
    180_000,
  );
});
