import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../_helpers/cli.ts";
import { SECRET_CASES } from "../redact/_corpus.ts";
import { servedHub, type TestHub } from "../remote/_hub.ts";
import { openEngine } from "./_engine.ts";

const LESSON_TASK = "deploy the billing service to the staging kubernetes cluster with helm";
const exec = (ok: boolean, output: string) => ({
  name: "exec",
  args: { command: "helm upgrade --install billing ./chart" },
  ok,
  output,
});

let hub: TestHub & { baseUrl: string };
beforeAll(() => {
  hub = servedHub({ rateBurst: 10_000, quotaPerKey: 10_000 });
});
afterAll(async () => {
  await hub.close();
});

const sharing = () => ({ remote: { enabled: true, baseUrl: hub.baseUrl, timeoutMs: 3000 } });

/** Every row of the hub's database as text, and the raw bytes of its files. */
function hubContents(dbPath: string) {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  const rows: string[] = [];
  for (const table of ["memories", "clients", "hub_meta"]) {
    for (const row of db.prepare(`SELECT * FROM ${table}`).all()) {
      rows.push(JSON.stringify(row, (_k, v) => v instanceof Uint8Array ? undefined : v));
    }
  }
  db.close();
  const bytes = ["", "-wal", "-shm"].map((suffix) => {
    try {
      return readFileSync(`${dbPath}${suffix}`).toString("latin1");
    } catch (_error) {
      return ""; // no WAL or SHM file right now
    }
  }).join("\n");
  return { rows: rows.join("\n"), bytes };
}

describe("two agents share a lesson through a team hub (real hub on loopback, real engines)", () => {
  it("agent B's recall injects what agent A learned, marked as shared, and B's praise reaches the hub", async () => {
    const homeA = join(tempDir("lshml-team-a-"), "home");
    const homeB = join(tempDir("lshml-team-b-"), "home");
    const a = await openEngine(homeA, { settings: sharing() });
    await a.turn(LESSON_TASK, {
      tools: [
        exec(false, "Error: UPGRADE FAILED: another operation is in progress"),
        exec(true, "ok"),
      ],
      answer: "Waited for the pending helm operation to finish, then upgraded.",
    });
    await a.prompt("great, thanks, that worked!");
    await a.handler.close?.();
    expect(a.grep("[lshml] remote ingest")[0]).toContain("stored=1");

    const b = await openEngine(homeB, { settings: sharing() });
    const injected = await b.turn(`${LESSON_TASK} please`, { tools: [exec(true, "ok")] });
    expect(b.grep("[lshml] remote candidates=1")).toHaveLength(1);
    expect(injected).toContain("shared by another agent via the team hub");
    expect(injected).toContain("Waited for the pending helm operation");
    await b.prompt("perfect, it works, thank you");
    await b.handler.close?.();

    const db = new DatabaseSync(hub.dbPath, { readOnly: true });
    const row = db.prepare("SELECT q, uses FROM memories").get() as { q: number; uses: number };
    db.close();
    expect(row.uses).toBe(1);
    expect(row.q).toBeGreaterThan(0);
  });

  it(`${SECRET_CASES.length} secret formats typed into conversations never reach the hub`, async () => {
    const home = join(tempDir("lshml-team-secrets-"), "home");
    const engine = await openEngine(home, {
      settings: { ...sharing(), memory: { maxEntries: 1000 } },
    });
    for (const [n, c] of SECRET_CASES.entries()) {
      await engine.turn(`task ${n}: my deploy keeps failing, this is what I have: ${c.text}`, {
        tools: [exec(false, `rejected: ${c.text}`), exec(true, "ok")],
      });
      await engine.prompt(`thanks, that fixed it (${c.text})`);
    }
    await engine.handler.close?.();
    const ingested = engine.grep("[lshml] remote ingest");
    // Nearly every task was learned and offered (a reply the reward reads as mixed joins the
    // next task instead), and none failed to arrive.
    expect(ingested.length).toBeGreaterThan(SECRET_CASES.length * 0.9);
    expect(ingested.filter((line) => !line.includes(" failed=0"))).toEqual([]);

    const { rows, bytes } = hubContents(hub.dbPath);
    expect(rows).toContain("[REDACTED_"); // the sanitised lessons arrived …
    const leaks: string[] = [];
    for (const c of SECRET_CASES) {
      for (const secret of c.secrets) {
        if (rows.includes(secret)) leaks.push(`${c.format}: a row holds ${secret}`);
        // Short fragments are checked in the rows; a float blob cannot spell 8 characters.
        if (secret.length >= 8 && bytes.includes(secret)) leaks.push(`${c.format}: file bytes`);
      }
    }
    expect(leaks).toEqual([]); // … and not one secret.
  });
});
