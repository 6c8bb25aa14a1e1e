import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { homeFlags, lshml, ROOT, tempDir } from "../_helpers/cli.ts";

describe("lshml command line", () => {
  it("prints help that lists the commands, and exits 0", async () => {
    const run = await lshml(["--help"]);
    expect(run.code).toBe(0);
    for (const command of ["doctor", "config", "sandbox", "demo"]) {
      expect(run.stdout).toContain(command);
    }
  });

  it("prints help when run without a command", async () => {
    const run = await lshml([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: lshml");
  });

  it("prints the version that deno.json carries", async () => {
    const version = JSON.parse(readFileSync(`${ROOT}deno.json`, "utf8")).version;
    const run = await lshml(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("exits 2 with a clear message on an unknown command or flag", async () => {
    const command = await lshml(["doctr"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'doctr'");
    expect(command.stderr).toContain("doctor");
    const flag = await lshml(["doctor", "--jsn"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--jsn'");
  });

  it("shows where each value came from: file, environment and --set", async () => {
    const home = tempDir();
    writeFileSync(join(home, "config.json"), JSON.stringify({ evolve: { loadMax: 3 } }));
    const run = await lshml(
      ["--home", home, "--set", "retrieval.tau=0.7", "config", "--json"],
      { sandbox: { flags: homeFlags(home) }, env: { EVOLVE_STRATEGY: "harden" } },
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    const byKey = Object.fromEntries(
      out.settings.map((s: { key: string }) => [s.key, s]),
    );
    expect(byKey["evolve.loadMax"]).toMatchObject({
      value: 3,
      source: "file",
      origin: join(home, "config.json"),
    });
    expect(byKey["evolve.strategy"]).toMatchObject({
      value: "harden",
      source: "env",
      origin: "EVOLVE_STRATEGY",
    });
    expect(byKey["retrieval.tau"]).toMatchObject({ value: 0.7, source: "flag" });
    expect(byKey["memory.maxEntries"]).toMatchObject({ value: 200, source: "default" });
  });

  it("never prints a secret", async () => {
    const run = await lshml(["config"], { env: { OPENAI_API_KEY: "sk-live-abcdef123456" } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("sk-live");
    expect(run.stdout).toMatch(/openai\.apiKey\s+\(set, hidden\)\s+env OPENAI_API_KEY/);
  });

  it("exits 2 on an invalid setting, naming key, value, origin and allowed values", async () => {
    const run = await lshml(["config"], { env: { EVOLVE_STRATEGY: "fast" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('evolve.strategy = "fast" (from env EVOLVE_STRATEGY)');
    expect(run.stderr).toContain("one of balanced | innovate | harden");
  });

  it("exits 2 on a config.json that is not JSON, and leaves the file alone", async () => {
    const home = tempDir();
    writeFileSync(join(home, "config.json"), "{ evolve: }");
    const run = await lshml(["--home", home, "config"], { sandbox: { flags: homeFlags(home) } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(join(home, "config.json"));
    expect(readFileSync(join(home, "config.json"), "utf8")).toBe("{ evolve: }");
  });

  it("doctor exits 1 on a corrupt data file and reports it without touching it", async () => {
    const home = tempDir();
    const knowledge = join(home, "memory", "knowledge.json");
    Deno.mkdirSync(join(home, "memory"));
    writeFileSync(knowledge, '{"version": 1, "lessons": [');
    const run = await lshml(["--home", home, "doctor", "--json"], {
      sandbox: { flags: homeFlags(home) },
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toContain("memory/knowledge.json is corrupt");
    expect(readFileSync(knowledge, "utf8")).toBe('{"version": 1, "lessons": [');
  });

  it("fails with the exact flags to add when the sandbox lacks the home, and they work", async () => {
    const home = tempDir();
    const denied = await lshml(["--home", home, "doctor"]);
    expect(denied.code).toBe(3);
    expect(denied.stderr).toContain(`read ${home}`);
    const suggested = denied.stderr.split("\n").find((l) => l.trim().startsWith("deno run"));
    expect(suggested).toBeDefined();
    const flags = (suggested as string).trim().split(" ").filter((a) => a.startsWith("--allow-"));
    expect(flags).toContain(`--allow-write=${home}`);
    const granted = await lshml(["--home", home, "doctor"], { sandbox: { flags } });
    expect(granted.stderr).toBe("");
    expect(granted.code).toBe(0);
  });

  it("answers --json errors with a JSON error object too", async () => {
    const run = await lshml(["config", "--json"], { env: { LSHML_RETRIEVAL_K1: "zero" } });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: "CONFIG_INVALID" } });
  });
});
