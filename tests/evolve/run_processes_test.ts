import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyAssets } from "../../src/gep/mod.ts";
import { loadClusters } from "../../src/scan/mod.ts";
import { readJsonl } from "../../src/store/mod.ts";
import { ROOT, tempDir } from "../_helpers/cli.ts";

/** A chunk of agent log: three recurring failures, `n` lines each. */
function chunk(n: number, offset: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = offset + i;
    lines.push(`ERROR tool read failed: ENOENT: no such file or directory, open '/srv/f${k}.yaml'`);
    lines.push(`ERROR tool exec failed: Command timed out after ${k}ms: npm test`);
    lines.push(`ERROR model request failed: 429 Too Many Requests (retry after ${k}s)`);
  }
  return `${lines.join("\n")}\n`;
}

function lshmlRun(home: string, log: string) {
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      `--allow-read=${ROOT},${home},${log}`,
      `--allow-write=${home}`,
      "--allow-env",
      "--allow-sys=loadavg",
      `${ROOT}main.ts`,
      "--home",
      home,
      "run",
      "--source",
      log,
      "--strategy",
      "repair-only",
    ],
    stdout: "piped",
    stderr: "piped",
  });
}

describe("lshml run as real processes", () => {
  it("lets one of two cycles started at once run, and the other exit cleanly", async () => {
    const home = tempDir();
    const log = join(tempDir(), "agent.log");
    writeFileSync(log, chunk(60_000, 0)); // a scan long enough for the two to overlap
    const [a, b] = await Promise.all([lshmlRun(home, log).output(), lshmlRun(home, log).output()]);
    const outs = [a, b].map((o) => new TextDecoder().decode(o.stdout));
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(outs.filter((o) => o.startsWith("cycle 1"))).toHaveLength(1);
    expect(outs.filter((o) => o.includes("another cycle holds the lock"))).toHaveLength(1);
    expect(outs.find((o) => o.includes("another cycle"))).toMatch(/pid \d+, evolution cycle since/);
  }, 120_000);

  it(
    "survives kill -9 mid-cycle: no corrupt file, no duplicated event, each error counted once",
    async () => {
      const home = tempDir();
      const log = join(tempDir(), "agent.log");
      let appended = 0;
      let killed = 0;
      let finished = true;
      for (let attempt = 0; attempt < 16; attempt++) {
        // New work only after a cycle got through: a killed one's backlog waits for the next.
        if (finished) {
          appendFileSync(log, chunk(1_500, appended));
          appended += 1_500;
        }
        const child = lshmlRun(home, log).spawn();
        // Anywhere from start-up through the scan to the commit and after it.
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 700));
        try {
          child.kill("SIGKILL");
          killed++;
          finished = false;
        } catch {
          finished = true; // it had finished before the kill
        }
        await child.output();
      }
      const last = await lshmlRun(home, log).output();
      expect(new TextDecoder().decode(last.stderr)).toBe("");
      expect(last.code).toBe(0);
      const report = await verifyAssets(home);
      expect(report.problems).toEqual([]);
      const events = readFileSync(join(home, "assets", "gep", "events.jsonl"), "utf8").trim()
        .split("\n").map((l) => JSON.parse(l) as { id: string; cycle: number });
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      const state = JSON.parse(readFileSync(join(home, "memory", "state.json"), "utf8"));
      expect(events.every((e) => e.cycle <= state.evolution.cycle)).toBe(true);
      const feedback = await readJsonl<{ id: string }>(join(home, "memory", "feedback.jsonl"));
      expect(feedback.invalid).toEqual([]);
      expect(new Set(feedback.records.map((r) => r.id)).size).toBe(feedback.records.length);
      const counts = (await loadClusters(home, () => new Date())).list(new Date())
        .map((c) => c.count).sort((x, y) => x - y);
      expect(counts).toEqual([appended, appended, appended]);
      expect(state.evolution.cycle).toBeGreaterThan(1);
      console.log(
        `cycle kill test: ${killed} kill -9s mid-cycle, ${state.evolution.cycle} cycles committed, ` +
          `${events.length} events, each of ${3 * appended} errors counted once`,
      );
    },
    300_000,
  );
});

describe("lshml run --loop as a real process", () => {
  function loop(home: string, log: string, env: Record<string, string> = {}) {
    return new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--quiet",
        `--allow-read=${ROOT},${home},${log}`,
        `--allow-write=${home}`,
        "--allow-env",
        "--allow-sys=loadavg",
        `${ROOT}main.ts`,
        "--home",
        home,
        "--loop",
        "--source",
        log,
      ],
      // The load back-off has its own tests; a busy test machine must not pause these loops.
      env: {
        LSHML_EVOLVE_LOOP_MIN_SECONDS: "1",
        LSHML_EVOLVE_LOOP_MAX_SECONDS: "2",
        EVOLVE_LOAD_MAX: "1000",
        ...env,
      },
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  }

  async function readUntil(child: Deno.ChildProcess, text: string): Promise<string> {
    const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let seen = "";
    while (!seen.includes(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += value;
    }
    reader.releaseLock();
    return seen;
  }

  it("cycles, keeps one loop per home, and finishes its cycle on SIGTERM", async () => {
    const home = tempDir();
    const log = join(tempDir(), "agent.log");
    writeFileSync(log, chunk(10, 0));
    const first = loop(home, log);
    const started = await readUntil(first, "loop: ");
    expect(started).toContain("cycle 1");
    const second = await loop(home, log).output();
    expect(new TextDecoder().decode(second.stdout)).toContain(
      "another lshml run --loop is running",
    );
    first.kill("SIGTERM");
    const status = await first.status;
    expect(status.code).toBe(0);
    const stderr = await new Response(first.stderr).text();
    expect(stderr).toContain("stopping after this cycle");
  }, 60_000);
});
