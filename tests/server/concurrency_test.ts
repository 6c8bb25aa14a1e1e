import { appendFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyAssets } from "../../src/gep/mod.ts";
import type { OverviewResponse } from "../../src/server/mod.ts";
import { createApp } from "../../src/server/mod.ts";
import { lshml, ROOT } from "../_helpers/cli.ts";
import { demoHome, request, testDeps } from "./_fixtures.ts";

describe("the dashboard beside running cycles", () => {
  it("reads consistently while other processes run cycles, and corrupts nothing", async () => {
    const { home, demo } = await demoHome();
    const app = createApp(testDeps(home));
    const log = join(demo, "demo-agent.log");
    const flags = ["-P", `--allow-read=${ROOT},${home}`, `--allow-write=${home}`];
    let running = true;
    const cycles = (async () => {
      try {
        for (let i = 0; i < 6; i++) {
          appendFileSync(
            log,
            `${new Date().toISOString()} ERROR disk quota exceeded on /var/x${i}\n`,
          );
          const run = await lshml(["run", "--home", demo, "--source", log, "--wait"], {
            sandbox: { flags },
          });
          expect(run.code, run.stderr).toBe(0);
        }
      } finally {
        running = false;
      }
    })();
    const statuses: number[] = [];
    const seen: number[] = [];
    while (running) {
      for (const path of ["/api/overview", "/api/clusters", "/api/events", "/api/review"]) {
        const res = await request(app, `${path}?home=demo`);
        statuses.push(res.status);
        if (path === "/api/overview" && res.ok) {
          const data: OverviewResponse = await res.json();
          seen.push(data.cycles);
          // Every read is a whole state: as many timeline points as cycles, never in between.
          expect(data.feedback.points.length).toBe(data.cycles);
        } else {
          await res.body?.cancel();
        }
      }
    }
    await cycles;
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(seen.at(-1)).toBeGreaterThanOrEqual(5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen); // never goes back
    expect((await verifyAssets(demo)).ok).toBe(true);
    const setAside = ["memory", join("assets", "gep")].flatMap((dir) =>
      readdirSync(join(demo, dir)).filter((n) => /\.(corrupt|torn)-/.test(n))
    );
    expect(setAside).toEqual([]);
  });
});
