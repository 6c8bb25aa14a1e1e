import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadClusters, runScan } from "../../src/scan/mod.ts";
import { logFileSource, openclawSources } from "../../src/signals/mod.ts";
import { ROOT, tempDir } from "../_helpers/cli.ts";

const now = () => new Date("2026-11-21T12:00:00Z");

describe("runScan()", () => {
  it("reads the agent's store and a log, then reads nothing new on a second scan", async () => {
    const home = tempDir();
    const readers = [
      ...await openclawSources(`${ROOT}samples/openclaw`),
      logFileSource(`${ROOT}samples/logs/gateway.log`),
    ];
    const first = await runScan({ home, readers, now });
    expect(first.report.sources.map((s) => s.events + s.lines)).toEqual([152, 17]);
    expect(first.report.signals.total).toBeGreaterThan(30);
    expect(Object.keys(first.report.signals.byLang).sort()).toEqual(
      ["en", "ja", "other", "zh-Hans", "zh-Hant"],
    );
    expect(first.report.clusters.new.length).toBe(first.report.clusters.total);
    const second = await runScan({ home, readers, now });
    expect(second.report.sources.map((s) => [s.events, s.lines, s.bytes])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(second.report.signals.total).toBe(0);
    expect(second.report.seq).toBe(2);
  });

  it("counts a cluster seen again and flags it as recurring", async () => {
    const home = tempDir();
    const log = join(tempDir(), "app.log");
    writeFileSync(
      log,
      "ERROR connect ECONNREFUSED 10.0.0.1:5432\nERROR connect ECONNREFUSED 10.0.0.2:5432\n",
    );
    const readers = [logFileSource(log)];
    const first = await runScan({ home, readers, now });
    expect(first.report.clusters.new).toHaveLength(1);
    appendFileSync(log, "ERROR connect ECONNREFUSED 10.0.0.3:5432\n");
    const second = await runScan({ home, readers, now });
    expect(second.report.clusters.known).toMatchObject([{ count: 3, seenNow: 1 }]);
    expect(second.report.signals.byType.recurring_error).toBe(1);
  });

  it("redacts secrets before an error line is stored", async () => {
    const home = tempDir();
    const log = join(tempDir(), "app.log");
    const key = ["sk", "proj", "TESTONLY1234567890abcdefghijklmnop"].join("-");
    writeFileSync(log, `ERROR openai rejected key ${key}: 401 Unauthorized\n`);
    await runScan({ home, readers: [logFileSource(log)], now });
    const text = Deno.readTextFileSync(join(home, "memory", "cluster-registry.json"));
    expect(text).not.toContain(key);
    expect(text).toContain("[REDACTED_");
  });
});

describe("lshml scan under kill -9", () => {
  it("counts every error exactly once however often it is killed mid-scan", async () => {
    const home = tempDir();
    const sourceDir = tempDir();
    const log = join(sourceDir, "big.log");
    const templates = [
      (i: number) =>
        `ERROR tool read failed: ENOENT: no such file or directory, open '/srv/f${i}.yaml'`,
      (i: number) => `ERROR tool exec failed: Command timed out after ${i}ms: npm test`,
      (i: number) => `ERROR model request failed: 429 Too Many Requests (retry after ${i}s)`,
    ];
    const lines: string[] = [];
    for (let i = 0; i < 30_000; i++) lines.push((templates[i % 3] as (i: number) => string)(i));
    writeFileSync(log, `${lines.join("\n")}\n`);
    const flags = [
      `--allow-read=${ROOT},${home},${sourceDir}`,
      `--allow-write=${home}`,
      "--allow-env",
    ];
    const scan = () =>
      new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "--quiet",
          ...flags,
          `${ROOT}main.ts`,
          "--home",
          home,
          "scan",
          "--source",
          log,
        ],
        stdout: "null",
        stderr: "piped",
      }).spawn();
    let killed = 0;
    for (let attempt = 0; attempt < 25; attempt++) {
      const child = scan();
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 700));
      try {
        child.kill("SIGKILL");
        killed++;
      } catch {
        // it had already finished: fine, the next run reads nothing new
      }
      await child.status;
    }
    const last = await scan().output();
    expect(new TextDecoder().decode(last.stderr)).toBe("");
    const registry = await loadClusters(home, now);
    const counts = registry.list(now()).map((c) => c.count).sort((a, b) => a - b);
    console.log(`scan kill test: ${killed} kill -9s mid-scan; cluster counts ${counts.join(", ")}`);
    expect(counts).toEqual([10_000, 10_000, 10_000]);
  }, 300_000);
});
