import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/mod.ts";
import { readEvents } from "../../src/gep/mod.ts";
import { SandboxError } from "../../src/sandbox/mod.ts";
import type {
  ClustersResponse,
  EventsResponse,
  OverviewResponse,
  ReviewResponse,
  SessionResponse,
  SettingsResponse,
  VerdictResponse,
  VerifyResponse,
} from "../../src/server/mod.ts";
import { createApp } from "../../src/server/mod.ts";
import { EngineStateFile } from "../../src/state/mod.ts";
import { dataFilePath, readVersioned } from "../../src/store/mod.ts";
import { demoHome, request, testDeps } from "./_fixtures.ts";

let home: string;
let demo: string;

beforeAll(async () => {
  ({ home, demo } = await demoHome({ review: true }));
});

const json = async <T>(res: Response | Promise<Response>): Promise<T> => await (await res).json();

describe("GET /api/session", () => {
  it("offers the demo home and opens on it while the home has no cycles", async () => {
    const app = createApp(testDeps(home));
    const session = await json<SessionResponse>(request(app, "/api/session"));
    expect(session.homes.map((h) => [h.id, h.available, h.cycles])).toEqual([
      ["home", true, 0],
      ["demo", true, 6],
    ]);
    expect(session.preferred).toBe("demo");
    expect(session.csrfToken).toBe("test-csrf-token-0123456789");
    expect(session.access).toBe("loopback");
  });

  it("opens on the home once it has cycles of its own", async () => {
    const app = createApp(testDeps(demo)); // the demo home as the home: 6 cycles, no demo inside
    const session = await json<SessionResponse>(request(app, "/api/session"));
    expect(session.preferred).toBe("home");
    expect(session.homes.find((h) => h.id === "demo")?.available).toBe(false);
  });
});

describe("GET /api/overview", () => {
  it("shows the demo's learning: a fix proven, one failed, one active, the predictor trained", async () => {
    const app = createApp(testDeps(home));
    const data = await json<OverviewResponse>(request(app, "/api/overview?home=demo"));
    expect(data.cycles).toBe(6);
    expect({ ...data.feedback, points: undefined }).toEqual({
      active: 1,
      proven: 1,
      failed: 1,
      points: undefined,
    });
    expect(data.feedback.points.map((p) => [p.cycle, p.active, p.proven, p.failed])).toEqual([
      [1, 1, 0, 0],
      [2, 2, 0, 0],
      [3, 2, 0, 0],
      [4, 1, 1, 1],
      [5, 1, 1, 1],
      [6, 1, 1, 1],
    ]);
    expect(data.predictor.examples).toBe(2);
    expect(data.predictor.history.map((h) => h.cycle)).toEqual([4]);
    expect(data.knowledge.lessons).toBe(3);
    expect(data.knowledge.best[0]?.template).toBe("read: File not found: <*>");
    expect(data.events[0]?.id).toBe("ev-000006"); // newest first
    expect(data.events[0]?.status).toBe("pending_review");
    expect(data.pendingReviews).toBe(1);
    expect(data.memory.available).toBe(false);
    expect(data.files.every((f) => f.health.status === "ok")).toBe(true);
  });

  it("answers a new install with zeros and empty series, not an error", async () => {
    const app = createApp(testDeps(home));
    const data = await json<OverviewResponse>(request(app, "/api/overview"));
    expect(data.cycles).toBe(0);
    expect(data.feedback).toEqual({ active: 0, proven: 0, failed: 0, points: [] });
    expect(data.predictor).toMatchObject({ examples: 0, accuracy: null, history: [] });
    expect(data.events).toEqual([]);
    expect(data.files.every((f) => f.health.status === "missing")).toBe(true);
  });
});

describe("GET /api/clusters", () => {
  it("lists clusters most frequent first with their fix, lessons and last 14 days", async () => {
    const app = createApp(testDeps(home));
    const { rows } = await json<ClustersResponse>(request(app, "/api/clusters?home=demo"));
    const counts = rows.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const missing = rows.find((r) => r.template === "read: File not found: <*>");
    expect(missing?.fix).toMatchObject({
      state: "proven",
      geneId: "gene_missing_resource_verify_path",
      watched: false, // its 5-cycle failure window closed in cycle 6
    });
    expect(missing?.lessons[0]).toMatchObject({ proven: 1, failed: 0 });
    expect(missing?.days).toHaveLength(14);
    expect(missing?.days.at(-1)?.day).toBe("2026-11-22");
    const rateLimit = rows.find((r) => r.template.includes("Too Many Requests"));
    expect(rateLimit?.fix?.state).toBe("active");
    expect(rateLimit?.lessons.map((l) => l.failed).sort()).toEqual([0, 1]);
  });
});

describe("the evolution log", () => {
  it("pages events newest first", async () => {
    const app = createApp(testDeps(home));
    const first = await json<EventsResponse>(request(app, "/api/events?home=demo&limit=2"));
    expect(first.rows.map((r) => r.id)).toEqual(["ev-000006", "ev-000004"]);
    expect(first).toMatchObject({ total: 4, more: true, skipped: [] });
    const older = await json<EventsResponse>(
      request(app, `/api/events?home=demo&limit=2&before=${first.rows.at(-1)?.line}`),
    );
    expect(older.rows.map((r) => r.id)).toEqual(["ev-000002", "ev-000001"]);
    expect(older.more).toBe(false);
  });

  it("verifies on demand and points at a tampered line", async () => {
    const { demo: fresh, home: freshHome } = await demoHome();
    const app = createApp(testDeps(freshHome));
    expect((await json<VerifyResponse>(request(app, "/api/verify?home=demo"))).ok).toBe(true);
    const path = dataFilePath(fresh, "events");
    const lines = (await readFile(path, "utf8")).split("\n");
    lines[1] = (lines[1] as string).replace('"intent":"repair"', '"intent":"innovate"');
    await writeFile(path, lines.join("\n"));
    const report = await json<VerifyResponse>(request(app, "/api/verify?home=demo"));
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        file: "assets/gep/events.jsonl",
        line: 2,
        kind: "asset_id_mismatch",
      }),
    );
  });

  it("serves the GEP prompt of an event, and refuses ids that could leave the folder", async () => {
    const app = createApp(testDeps(home));
    const prompt = await json<{ text: string }>(request(app, "/api/prompts/ev-000001?home=demo"));
    expect(prompt.text).toContain("# lshml evolution ev-000001");
    const res = await request(app, "/api/prompts/..%2F..%2Fconfig?home=demo");
    expect(res.status).toBe(400);
  });
});

describe("the review queue", () => {
  it("lists the pending decision with its cluster, gene and plan", async () => {
    const app = createApp(testDeps(home));
    const { items } = await json<ReviewResponse>(request(app, "/api/review?home=demo"));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: "ev-000006", mode: "advise" });
    expect(items[0]?.template).toContain("<img src=x");
    expect(items[0]?.gene?.strategy.length).toBeGreaterThan(0);
    expect(items[0]?.prompt).toContain("ev-000006");
  });

  it("approves with the same effect as lshml review --approve", async () => {
    const { home: h, demo: d } = await demoHome({ review: true });
    const app = createApp(testDeps(h));
    const res = await request(app, "/api/review/ev-000006?home=demo", {
      method: "POST",
      body: JSON.stringify({ verdict: "approve" }),
    });
    expect(res.status).toBe(200);
    const verdict: VerdictResponse = await res.json();
    expect(verdict).toMatchObject({ status: "applied", eventId: "ev-000006-approved" });
    const state = (await readVersioned(dataFilePath(d, "state"), EngineStateFile)).value;
    expect(state.evolution.review).toEqual([]);
    expect(state.evolution.fixes.map((f) => f.eventId)).toContain("ev-000006");
    const events = (await readEvents(d)).events.map((e) => e.event.id);
    expect(events.at(-1)).toBe("ev-000006-approved");
    const again = await request(app, "/api/review/ev-000006?home=demo", {
      method: "POST",
      body: JSON.stringify({ verdict: "approve" }),
    });
    expect(again.status).toBe(404);
    expect((await again.json()).error).toContain("no pending review");
  });

  it("refuses an approval the sandbox cannot carry out, and leaves the queue as it was", async () => {
    const { home: h, demo: d } = await demoHome({ review: true });
    const need = {
      kind: "run" as const,
      value: "claude",
      purpose: "execute" as const,
      why: "run it",
    };
    const app = createApp(testDeps(h, {
      beforeApprove: () => {
        throw new SandboxError([need], [need], { compiled: false, args: ["dashboard"] });
      },
    }));
    const res = await request(app, "/api/review/ev-000006?home=demo", {
      method: "POST",
      body: JSON.stringify({ verdict: "approve" }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toContain("--allow-run=claude");
    const state = (await readVersioned(dataFilePath(d, "state"), EngineStateFile)).value;
    expect(state.evolution.review.map((r) => r.id)).toEqual(["ev-000006"]);
  });

  it("rejects an invalid verdict with the field that is wrong", async () => {
    const app = createApp(testDeps(home));
    const res = await request(app, "/api/review/ev-000006?home=demo", {
      method: "POST",
      body: JSON.stringify({ verdict: "maybe" }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.issues[0].path).toBe("verdict");
  });
});

describe("input validation and errors", () => {
  it("refuses an unknown home and a bad limit with 400", async () => {
    const app = createApp(testDeps(home));
    expect((await request(app, "/api/overview?home=elsewhere")).status).toBe(400);
    const res = await request(app, "/api/events?limit=0");
    expect(res.status).toBe(400);
    expect((await res.json()).issues[0].path).toBe("limit");
  });

  it("answers an unknown API route with a JSON 404", async () => {
    const app = createApp(testDeps(home));
    const res = await request(app, "/api/nothing");
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toContain("application/json");
  });

  it("reports a corrupt data file with the store's explanation, and it is set aside", async () => {
    const { home: h, demo: d } = await demoHome();
    await writeFile(dataFilePath(d, "knowledge"), "{ not json");
    const app = createApp(testDeps(h));
    const res = await request(app, "/api/overview?home=demo");
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.code).toBe("STORE_CORRUPT");
    expect(body.error).toContain("moved aside");
  });

  it("hides internals of an unexpected error and logs them", async () => {
    const logged: string[] = [];
    const app = createApp(testDeps(home, {
      log: (m) => logged.push(m),
      sandbox: () => Promise.reject(new Error("boom at /secret/path")),
    }));
    const res = await request(app, "/api/settings");
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("/secret/path");
    expect(logged.join("\n")).toContain("boom at /secret/path");
  });
});

describe("GET /api/settings", () => {
  it("shows every setting with its source and never a secret, even one given as a flag", async () => {
    const effective = resolveConfig({
      env: { OPENAI_API_KEY: "sk-test-secret-value-1234567890", EVOLVE_STRATEGY: "harden" },
      flags: [{
        key: "embedding.apiKey",
        value: "sk-flag-secret-0987654321",
        flag: "--set embedding.apiKey=sk-flag-secret-0987654321",
      }],
    });
    const app = createApp(testDeps(home, { effective }));
    const res = await request(app, "/api/settings");
    const text = await res.text();
    expect(text).not.toContain("sk-test-secret");
    expect(text).not.toContain("sk-flag-secret");
    const data: SettingsResponse = JSON.parse(text);
    const key = data.settings.find((s) => s.key === "openai.apiKey");
    expect(key).toMatchObject({ value: "[REDACTED]", secret: true, source: "env OPENAI_API_KEY" });
    expect(data.settings.find((s) => s.key === "evolve.strategy")).toMatchObject({
      value: "harden",
      source: "env EVOLVE_STRATEGY",
    });
    expect(data.sandbox).toBeNull();
    expect(data.files.map((f) => f.file)).toContain("assets/gep/events.jsonl");
    expect(data.configFile.path).toBe(join(home, "config.json"));
  });
});
