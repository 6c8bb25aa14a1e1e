import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { createRemoteClient, REMOTE_KEY_FILE } from "../../src/remote/mod.ts";
import { lshml, ROOT, tempDir } from "../_helpers/cli.ts";
import { randomVectors } from "./_hub.ts";
import { startHubProcess } from "./_hub_process.ts";

const SPACE = "test:random:64";

/** The flags `lshml hub serve --port 0 --db <dir>/hub.sqlite` needs, and nothing more. */
const hubFlags = (dir: string) => [
  "--allow-net=127.0.0.1:0",
  `--allow-read=${ROOT},${dir}`,
  `--allow-write=${dir}`,
  "--allow-env",
];

describe("lshml hub serve (real processes)", () => {
  it("under the local-only sandbox, says exactly which flag to add (exit 3)", async () => {
    const run = await lshml(["hub", "serve", "--port", "8421"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("net 127.0.0.1:8421: to serve the hub");
    expect(run.stderr).toMatch(/--allow-net=[^ ]*127\.0\.0\.1:8421/);
  });

  it("rejects --db together with --postgres (exit 2)", async () => {
    const run = await lshml(["hub", "serve", "--db", "x.sqlite", "--postgres", "postgres://h/db"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--db and --postgres do not go together");
  });

  it("serves with exactly its computed grants and stops cleanly on SIGTERM", async () => {
    const dir = tempDir("lshml-hub-");
    const hub = await startHubProcess(
      ["--home", dir, "hub", "serve", "--db", join(dir, "hub.sqlite")],
      hubFlags(dir),
    );
    const health = await (await fetch(`${hub.baseUrl}/health`)).json();
    expect(health).toMatchObject({ status: "ok", store: "sqlite", memories: 0 });
    const page = await fetch(`http://127.0.0.1:${hub.port}/leaderboard`, {
      headers: { accept: "text/html" },
    });
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    await page.body?.cancel();
    const { code, stderr } = await hub.stop();
    expect(code).toBe(0);
    expect(stderr).toContain("lshml hub: stopping");
  });

  it(
    "two hub processes on one SQLite file lose no write and see each other's memories",
    async () => {
      const dir = tempDir("lshml-hub-");
      const db = join(dir, "hub.sqlite");
      const args = [
        "--home",
        dir,
        "hub",
        "serve",
        "--db",
        db,
        "--rate",
        "1000",
        "--burst",
        "10000",
      ];
      const hubs = [
        await startHubProcess(args, hubFlags(dir)),
        await startHubProcess(args, hubFlags(dir)),
      ];
      try {
        const writers = hubs.flatMap((hub) =>
          [0, 1, 2].map(() =>
            createRemoteClient({
              baseUrl: hub.baseUrl,
              timeoutMs: 20_000,
              keyFile: join(tempDir("lshml-home-"), REMOTE_KEY_FILE),
            })
          )
        );
        const vectors = randomVectors(writers.length * 10 * 8, 64, 5);
        const acknowledged: string[] = [];
        await Promise.all(writers.map(async (client, n) => {
          for (let b = 0; b < 10; b++) {
            const start = (n * 10 + b) * 8;
            const report = await client.ingest(
              vectors.slice(start, start + 8).map((v, i) => ({
                experience: `lesson ${start + i}`,
                embedding: v,
                space: SPACE,
                q: 0,
              })),
            );
            for (const o of report.outcomes) if (o.status === "stored") acknowledged.push(o.id);
          }
        }));
        expect(acknowledged).toHaveLength(vectors.length);
        const file = new DatabaseSync(db, { readOnly: true });
        const ids = new Set(
          (file.prepare("SELECT id FROM memories").all() as { id: string }[]).map((r) => r.id),
        );
        file.close();
        expect(ids.size).toBe(vectors.length);
        for (const id of acknowledged) expect(ids.has(id)).toBe(true);
        // What the second process stored, the first finds (and the other way round).
        const first = writers[0]!; // talks to the first process
        const second = writers[3]!; // talks to the second
        const fromSecond = await first.search(vectors[3 * 80]!, SPACE, { k: 1, budgetMs: 20_000 });
        expect(fromSecond[0]?.similarity).toBeCloseTo(1, 5);
        const fromFirst = await second.search(vectors[0]!, SPACE, { k: 1, budgetMs: 20_000 });
        expect(fromFirst[0]?.similarity).toBeCloseTo(1, 5);
      } finally {
        for (const hub of hubs) expect((await hub.stop()).code).toBe(0);
      }
    },
    120_000,
  );
});
