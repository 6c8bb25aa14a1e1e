import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withDefaultCommand } from "../../src/cli/program.ts";
import { homeFlags, lshml, ROOT, tempDir } from "../_helpers/cli.ts";

const ERROR = "ERROR tool read failed: ENOENT: no such file or directory, open '/srv/app/x.yaml'";

function setup() {
  const home = tempDir();
  const logDir = tempDir();
  const log = join(logDir, "agent.log");
  writeFileSync(log, `${ERROR}\n${ERROR.replace("x.yaml", "y.yaml")}\n`);
  const flags = homeFlags(home, logDir);
  const run = (...args: string[]) =>
    lshml(["--home", home, ...args], {
      sandbox: { flags },
      env: { EVOLVE_STRATEGY: "repair-only" },
    });
  return { home, log, run };
}

function git(cwd: string, ...args: string[]): void {
  const out = new Deno.Command("git", { args, cwd, stdout: "null", stderr: "piped" }).outputSync();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
}

describe("lshml run, review, events, cron, solidify", () => {
  it("runs a cycle that advises a fix and says where its GEP prompt is", async () => {
    const { run, log, home } = setup();
    const result = await run("run", "--source", log, "--seed", "3");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^cycle 1 — strategy repair-only/);
    expect(result.stdout).toContain("advised: active fix");
    expect(readFileSync(join(home, "memory", "gep", "ev-000001.md"), "utf8")).toContain(
      "# lshml evolution ev-000001",
    );
    const replay = await run("run", "--replay", "ev-000001");
    expect(replay.stdout).toContain("the same decision");
    expect(replay.code).toBe(0);
  });

  it("treats `lshml --review` as `lshml run --review`, and approves from the queue", async () => {
    expect(withDefaultCommand(["--home", "/h", "--review"])).toEqual([
      "--home",
      "/h",
      "run",
      "--review",
    ]);
    expect(withDefaultCommand(["scan", "--loop"])).toEqual(["scan", "--loop"]);
    const { run, log } = setup();
    const pending = await run("--review", "--source", log);
    expect(pending.stdout).toContain("waiting for review: lshml review --approve ev-000001");
    const list = await run("review", "--json");
    expect(JSON.parse(list.stdout).pending.map((p: { id: string }) => p.id)).toEqual(["ev-000001"]);
    const approve = await run("review", "--approve", "ev-000001");
    expect(approve.stdout).toContain("ev-000001: applied (event ev-000001-approved)");
    const unknown = await run("review", "--reject", "ev-404");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no pending review "ev-404"');
  });

  it("verifies the audit trail, and reports a changed byte with its file and line", async () => {
    const { run, log, home } = setup();
    await run("run", "--source", log);
    await run("run", "--source", log);
    const ok = await run("events", "verify");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("assets/gep/events.jsonl: 1 asset(s) checked, ok");
    const path = join(home, "assets", "gep", "events.jsonl");
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace('"intent":"repair"', '"intent":"innovate"'),
    );
    const tampered = await run("events", "verify", "--json");
    expect(tampered.code).toBe(1);
    const report = JSON.parse(tampered.stdout);
    expect(report.problems[0]).toMatchObject({
      file: "assets/gep/events.jsonl",
      line: 1,
      kind: "asset_id_mismatch",
    });
  });

  it("prints a crontab line that runs one cycle with this configuration's exact permissions", async () => {
    const { run, home } = setup();
    const cron = await run("cron", "--every", "10");
    expect(cron.code).toBe(0);
    expect(cron.stdout).toMatch(/^\*\/10 \* \* \* \* \S*deno run --quiet --allow-read=/);
    expect(cron.stdout).toContain(
      `${ROOT}main.ts --home ${home} run >> ${home}/memory/cron.log 2>&1`,
    );
    expect((await run("cron", "--every", "90")).code).toBe(2);
  });

  it("solidifies a change made by hand: passes within limits, fails on a protected path", async () => {
    const { home } = setup();
    const ws = tempDir("lshml-ws-");
    git(ws, "init", "-q", "-b", "main");
    git(ws, "config", "user.email", "dev@example.com");
    git(ws, "config", "user.name", "Dev");
    writeFileSync(join(ws, "app.txt"), "one\n");
    git(ws, "add", ".");
    git(ws, "commit", "-q", "-m", "init");
    writeFileSync(join(ws, "app.txt"), "one\ntwo\n");
    const flags = [...homeFlags(home, ws), `--allow-run=git`];
    const args = ["--home", home, "solidify", "--workspace", ws, "--gene"];
    const gene = "gene_missing_resource_verify_path";
    const pass = await lshml([...args, gene, "--record"], { sandbox: { flags } });
    expect(pass.stderr).toBe("");
    expect(pass.stdout).toContain("PASSES");
    expect(pass.stdout).toMatch(/recorded: event ev-hand-\w+, capsule cap-ev-hand-\w+/);
    expect(pass.code).toBe(0);
    writeFileSync(join(ws, ".env"), "TOKEN=x\n");
    const fail = await lshml([...args, gene], { sandbox: { flags } });
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain("FAILS at paths");
    expect(readFileSync(join(ws, ".env"), "utf8")).toBe("TOKEN=x\n");
  });
});
