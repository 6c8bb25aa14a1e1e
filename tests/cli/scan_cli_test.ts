import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { homeFlags, lshml, ROOT, tempDir } from "../_helpers/cli.ts";

describe("lshml scan and clusters", () => {
  it("scans an OpenClaw state directory found through OPENCLAW_STATE_DIR, in four languages", async () => {
    const home = tempDir();
    const state = join(tempDir(), "openclaw");
    cpSync(`${ROOT}samples/openclaw`, state, { recursive: true });
    const run = await lshml(["--home", home, "scan", "--json"], {
      sandbox: { flags: homeFlags(home, state) },
      env: { OPENCLAW_STATE_DIR: state },
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.sources).toMatchObject([{ label: "openclaw:main", events: 152 }]);
    expect(Object.keys(report.signals.byLang)).toEqual(
      expect.arrayContaining(["en", "zh-Hans", "zh-Hant", "ja"]),
    );
    expect(report.signals.byType).toMatchObject({
      user_correction: expect.any(Number),
      user_praise: expect.any(Number),
      llm_error: expect.any(Number),
      repeated_tool_loop: 1,
    });
    const again = JSON.parse(
      (await lshml(["--home", home, "scan", "--json"], {
        sandbox: { flags: homeFlags(home, state) },
        env: { OPENCLAW_STATE_DIR: state },
      })).stdout,
    );
    expect(again.sources[0]).toMatchObject({ events: 0, bytes: 0 });
    expect(again.signals.total).toBe(0);
  });

  it("says which flag to add when the OpenClaw state directory is not granted", async () => {
    const home = tempDir();
    const run = await lshml(["--home", home, "scan"], {
      sandbox: { flags: homeFlags(home) },
      env: { OPENCLAW_STATE_DIR: "/srv/openclaw-state" },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("read /srv/openclaw-state: to read OpenClaw transcripts");
    expect(run.stderr).toContain(
      `--allow-read=${home},${ROOT.replace(/\/$/, "")},/srv/openclaw-state`,
    );
  });

  it("lists and shows clusters, with examples redacted", async () => {
    const home = tempDir();
    const logs = tempDir();
    writeFileSync(
      join(logs, "app.log"),
      "ERROR db password=hunter2 rejected for app@example.com\n".repeat(2) +
        "ERROR read failed: ENOENT: no such file or directory, open '/srv/a.yaml'\n",
    );
    await lshml(["--home", home, "scan", "--source", logs], {
      sandbox: { flags: homeFlags(home, logs) },
    });
    const list = await lshml(["--home", home, "clusters", "--json"], {
      sandbox: { flags: homeFlags(home) },
    });
    const clusters = JSON.parse(list.stdout).clusters;
    expect(clusters.map((c: { count: number }) => c.count)).toEqual([2, 1]);
    const show = await lshml(["--home", home, "clusters", "show", clusters[0].id], {
      sandbox: { flags: homeFlags(home) },
    });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain("examples (secrets redacted)");
    expect(show.stdout).not.toContain("hunter2");
    expect(show.stdout).not.toContain("app@example.com");
    const missing = await lshml(["--home", home, "clusters", "show", "nope"], {
      sandbox: { flags: homeFlags(home) },
    });
    expect(missing.code).toBe(2);
  });

  it("assigns one cluster id per stdin line, in order, learning into --home", async () => {
    const home = tempDir();
    const lines = [
      "Invalid user admin from 10.0.0.1",
      "Accepted password for root from 10.0.0.9 port 22 ssh2",
      "Invalid user oracle from 10.0.0.2",
    ];
    const run = await lshml(["--home", home, "clusters", "assign"], {
      sandbox: { flags: homeFlags(home) },
      stdin: `${lines.join("\n")}\n`,
    });
    expect(run.code).toBe(0);
    const ids = run.stdout.trim().split("\n");
    expect(ids).toHaveLength(3);
    expect(ids[0]).toBe(ids[2]);
    expect(ids[0]).not.toBe(ids[1]);
    const again = await lshml(["--home", home, "clusters", "assign"], {
      sandbox: { flags: homeFlags(home) },
      stdin: "Invalid user bob from 10.0.0.3\n",
    });
    expect(again.stdout.trim()).toBe(ids[0]);
  });

  it("reads a log from stdin with --source -", async () => {
    const home = tempDir();
    const run = await lshml(["--home", home, "scan", "--source", "-", "--json"], {
      sandbox: { flags: homeFlags(home) },
      stdin: "2026-11-20T09:13:10Z ERROR 连接超时：请求在 30 秒后超时\n",
    });
    const report = JSON.parse(run.stdout);
    expect(report.signals.byType).toEqual({ timeout: 1 });
    expect(report.signals.byLang).toEqual({ "zh-Hans": 1 });
  });

  it("prints signals as JSON lines with --signals, secrets redacted from every field", async () => {
    const home = tempDir();
    const token = ["ghp", "TESTONLYabcdefghijklmnopqrstuvwxyz0123"].join("_");
    const run = await lshml(["--home", home, "scan", "--source", "-", "--signals"], {
      sandbox: { flags: homeFlags(home) },
      stdin: `ERROR push rejected: authentication failed for token ${token}\n`,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(token);
    const signal = JSON.parse(run.stdout.trim().split("\n")[0] as string);
    expect(signal).toMatchObject({ type: "integration_key_missing", origin: "log" });
    expect(signal.text).toContain("[REDACTED_TOKEN]");
    expect(signal.clusterId).toMatch(/^c/);
  });
});
