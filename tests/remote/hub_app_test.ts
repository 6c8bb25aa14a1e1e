import { readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { axisVector, post, type TestHub, testHub } from "./_hub.ts";

const SPACE = "test:hash:16";
const open: TestHub[] = [];
afterEach(async () => {
  for (const hub of open.splice(0)) await hub.close();
});

function hubFor(...args: Parameters<typeof testHub>): TestHub {
  const hub = testHub(...args);
  open.push(hub);
  return hub;
}

async function register(hub: TestHub): Promise<{ request_key_id: string; key: string }> {
  const res = await hub.app.request("/v1/clients/register", { method: "POST" });
  expect(res.status).toBe(201);
  return await res.json();
}

function triplet(axis: number, extra: Record<string, unknown> = {}) {
  return {
    intent: `task ${axis}`,
    experience: `lesson ${axis}: retry with backoff`,
    embedding: axisVector(16, axis),
    space: SPACE,
    q: 0.6,
    ...extra,
  };
}

async function ingest(hub: TestHub, key: string, triplets: unknown[]) {
  const res = await hub.app.request(...post("/v1/memories/ingest", { triplets }, key));
  return { status: res.status, body: await res.json() };
}

async function search(hub: TestHub, key: string, body: Record<string, unknown>) {
  const res = await hub.app.request(...post("/v1/memories/search", body, key));
  return { status: res.status, body: await res.json() };
}

describe("hub routes", () => {
  it("register returns a public id and a bearer key the database keeps only hashed", async () => {
    const hub = hubFor();
    const { request_key_id, key } = await register(hub);
    expect(request_key_id).toMatch(/^rk_[0-9a-f]{24}$/);
    expect(key).toMatch(/^lshk_[A-Za-z0-9_-]{43}$/);
    await hub.store.close();
    open.splice(open.indexOf(hub), 1);
    for (const file of [hub.dbPath, `${hub.dbPath}-wal`]) {
      let bytes = "";
      try {
        bytes = readFileSync(file, "latin1");
      } catch (_error) {
        continue; // no WAL left after a clean close
      }
      expect(bytes).not.toContain(key);
      expect(bytes).not.toContain(key.slice(5));
    }
  });

  it("refuses memory routes without a valid bearer key (401)", async () => {
    const hub = hubFor();
    for (const key of [undefined, "lshk_" + "A".repeat(43), "nonsense"]) {
      const res = await hub.app.request(...post("/v1/memories/search", {
        embedding: axisVector(16, 0),
        space: SPACE,
      }, key));
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("search returns triplets of the asked space only, most similar first", async () => {
    const hub = hubFor();
    const { key } = await register(hub);
    const stored = await ingest(hub, key, [
      triplet(0),
      triplet(4),
      triplet(0, { space: "other:space:16", experience: "other space" }),
    ]);
    expect(stored.body.results.map((r: { status: string }) => r.status)).toEqual([
      "stored",
      "stored",
      "stored",
    ]);
    const found = await search(hub, key, {
      embedding: axisVector(16, 0, 0.3),
      space: SPACE,
      k: 5,
      min_similarity: 0.5,
    });
    expect(found.status).toBe(200);
    expect(found.body.space).toBe(SPACE);
    expect(found.body.results).toHaveLength(1);
    expect(found.body.results[0].experience).toBe("lesson 0: retry with backoff");
    expect(found.body.results[0].similarity).toBeCloseTo(Math.cos(0.3), 5);
    expect(found.body.results[0].embedding).toHaveLength(16);
    const none = await search(hub, key, { embedding: axisVector(16, 0), space: "unknown:16" });
    expect(none.body.results).toEqual([]);
    const wrongDims = await search(hub, key, { embedding: axisVector(32, 0), space: SPACE });
    expect(wrongDims.body.results).toEqual([]);
  });

  it("merges a near-duplicate into the memory it repeats, also within one request", async () => {
    const hub = hubFor();
    const a = await register(hub);
    const b = await register(hub);
    const first = await ingest(hub, a.key, [triplet(0), triplet(0, { experience: "same again" })]);
    expect(first.body.results[0].status).toBe("stored");
    expect(first.body.results[1]).toMatchObject({ status: "merged", id: first.body.results[0].id });
    // cos(0.2) = 0.980 ≥ 0.95 merges; cos(0.5) = 0.878 does not.
    const close = await ingest(hub, b.key, [triplet(0, { embedding: axisVector(16, 0, 0.2) })]);
    expect(close.body.results[0]).toMatchObject({ status: "merged", id: first.body.results[0].id });
    const far = await ingest(hub, b.key, [triplet(0, { embedding: axisVector(16, 0, 0.5) })]);
    expect(far.body.results[0].status).toBe("stored");
    const board = await (await hub.app.request("/leaderboard?format=json")).json();
    const byId = Object.fromEntries(
      board.entries.map((e: { request_key_id: string }) => [e.request_key_id, e]),
    );
    expect(byId[a.request_key_id]).toMatchObject({ memories: 1, merged: 1 });
    expect(byId[b.request_key_id]).toMatchObject({ memories: 1, merged: 1 });
  });

  it("refuses a vector whose length disagrees with its space, even within one request", async () => {
    const hub = hubFor();
    const { key } = await register(hub);
    const fresh = await ingest(hub, key, [
      triplet(0, { space: "new:space" }),
      triplet(1, { space: "new:space", embedding: axisVector(32, 1) }),
    ]);
    expect(fresh.body.results[0].status).toBe("stored");
    expect(fresh.body.results[1]).toEqual({
      status: "rejected",
      reason: "space new:space has 16 dimensions, not 32",
    });
    const later = await ingest(hub, key, [
      triplet(2, { space: "new:space", embedding: axisVector(8, 2) }),
    ]);
    expect(later.body.results[0].status).toBe("rejected");
  });

  it("refuses text that holds a secret, and never stores or echoes it", async () => {
    const hub = hubFor();
    const { key } = await register(hub);
    const token = ["gh", "p_", "TESTONLY", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4"].join("");
    const result = await ingest(hub, key, [
      triplet(1, { experience: `set GITHUB_TOKEN=${token} then push` }),
      triplet(2, { intent: "mail ops-team@example.org about it" }),
    ]);
    expect(result.body.results.map((r: { status: string }) => r.status)).toEqual([
      "rejected",
      "rejected",
    ]);
    expect(JSON.stringify(result.body)).not.toContain(token);
    const db = new DatabaseSync(hub.dbPath, { readOnly: true });
    expect(db.prepare("SELECT count(*) AS n FROM memories").get()).toEqual({ n: 0 });
    db.close();
  });

  it("validates bodies: 400 naming the fields, without echoing them", async () => {
    const hub = hubFor();
    const { key } = await register(hub);
    const bad = await search(hub, key, { embedding: [1, 2], space: "has spaces", k: 99 });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "embedding",
      "k",
      "space",
    ]);
    expect(JSON.stringify(bad.body)).not.toContain("has spaces");
    const garbage = await hub.app.request(...post("/v1/memories/ingest", "{not json", key));
    expect(garbage.status).toBe(400);
    const extra = await ingest(hub, key, [{ ...triplet(0), raw_transcript: "x" }]);
    expect(extra.status).toBe(400);
    const many = await ingest(hub, key, Array.from({ length: 33 }, (_, i) => triplet(i)));
    expect(many.status).toBe(400);
    const feedback = await hub.app.request(
      ...post("/v1/memories/feedback", { ids: ["m_x"], reward: 2 }, key),
    );
    expect(feedback.status).toBe(400);
  });

  it("refuses a body over the size limit with 413", async () => {
    const hub = hubFor({ maxBodyBytes: 2048 });
    const { key } = await register(hub);
    const big = await ingest(hub, key, [triplet(0, { experience: "x".repeat(3900) })]);
    expect(big.status).toBe(413);
  });

  it("rate-limits each key with a token bucket and says when to retry (429)", async () => {
    let now = 1_000_000;
    const hub = hubFor({ ratePerSecond: 1, rateBurst: 3 }, () => now);
    const a = await register(hub);
    const b = await register(hub);
    const body = { embedding: axisVector(16, 0), space: SPACE };
    for (let i = 0; i < 3; i++) expect((await search(hub, a.key, body)).status).toBe(200);
    const limited = await hub.app.request(...post("/v1/memories/search", body, a.key));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect((await search(hub, b.key, body)).status).toBe(200); // another key, another bucket
    now += 1000;
    expect((await search(hub, a.key, body)).status).toBe(200);
  });

  it("limits registrations per address", async () => {
    const hub = hubFor({ registerPerMinute: 2 });
    const from = (addr: string) =>
      hub.app.request("/v1/clients/register", { method: "POST" }, { remoteAddr: addr });
    expect((await from("10.0.0.1")).status).toBe(201);
    expect((await from("10.0.0.1")).status).toBe(201);
    expect((await from("10.0.0.1")).status).toBe(429);
    expect((await from("10.0.0.2")).status).toBe(201);
  });

  it("enforces the per-key storage quota; merges do not count against it", async () => {
    const hub = hubFor({ quotaPerKey: 2 });
    const { key } = await register(hub);
    const res = await ingest(hub, key, [triplet(0), triplet(0), triplet(4), triplet(8)]);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      "stored",
      "merged",
      "stored",
      "rejected",
    ]);
    expect(res.body.results[3].reason).toContain("quota");
  });

  it("feedback moves the shared Q by Q ← Q + α(r − Q) and credits the contributor", async () => {
    const hub = hubFor();
    const owner = await register(hub);
    const user = await register(hub);
    const stored = await ingest(hub, owner.key, [triplet(0, { q: 0.6 })]);
    const id = stored.body.results[0].id;
    const send = (key: string, reward: number) =>
      hub.app.request(...post("/v1/memories/feedback", { ids: [id, id], reward }, key));
    expect(await (await send(user.key, 1)).json()).toEqual({ updated: 1 });
    await send(owner.key, -1); // the owner's own feedback moves Q but earns no credit
    const hit = (await search(hub, user.key, { embedding: axisVector(16, 0), space: SPACE })).body
      .results[0];
    // Q starts at 0.5 × 0.6 = 0.3; after r = 1: 0.3 + 0.3·0.7 = 0.51; after r = −1: 0.51 − 0.453.
    expect(hit.q).toBeCloseTo(0.51 + 0.3 * (-1 - 0.51), 6);
    expect(hit.uses).toBe(2);
    const board = await (await hub.app.request("/v1/leaderboard")).json();
    expect(board.entries[0]).toMatchObject({
      rank: 1,
      request_key_id: owner.request_key_id,
      memories: 1,
      uses: 1,
      helpful: 1,
      reward_sum: 1,
      score: 1.1,
    });
  });

  it("serves the leaderboard as inert HTML with a script-free CSP", async () => {
    const hub = hubFor();
    const { key } = await register(hub);
    await ingest(hub, key, [triplet(0)]);
    const res = await hub.app.request("/leaderboard", { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    const html = await res.text();
    expect(html).not.toContain("<script");
    expect(html).toContain("rk_");
  });

  it("reports health with the store, the version and the spaces", async () => {
    const hub = hubFor();
    const { key } = await register(hub);
    await ingest(hub, key, [triplet(0), triplet(5)]);
    const health = await (await hub.app.request("/v1/health")).json();
    expect(health).toMatchObject({
      status: "ok",
      store: "sqlite",
      version: 1,
      memories: 2,
      clients: 1,
      spaces: [{ space: SPACE, dims: 16, memories: 2 }],
    });
    const missing = await hub.app.request("/v1/nothing");
    expect(missing.status).toBe(404);
    expect(hub.errors).toEqual([]);
  });
});
