import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../_helpers/cli.ts";

/** Runs a README command line through `deno task`, as a newcomer would. */
async function denoTask(task: string): Promise<{ code: number; out: string }> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["task", "--quiet", task],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    out: decoder.decode(output.stdout) + decoder.decode(output.stderr),
  };
}

describe("the README quick start", () => {
  it("documents `deno task demo` and `deno task test` as the two commands", () => {
    const readme = readFileSync(`${ROOT}README.md`, "utf8");
    const quickStart = readme.slice(readme.indexOf("## Quick start"));
    expect(quickStart).toContain("deno task demo");
    expect(quickStart).toContain("deno task test");
  });

  it("`deno task demo` shows a local-only engine finding failures in 4 languages and learning", async () => {
    const run = await denoTask("demo");
    expect(run.code).toBe(0);
    expect(run.out).toContain("doctor:    ok");
    expect(run.out).toContain("network local-only");
    expect(run.out).toMatch(/openclaw:main\s+152 new events/);
    expect(run.out).toContain("demo-agent.log");
    const languages = run.out.split("\n").find((l) => l.startsWith("languages:")) ?? "";
    for (const lang of ["en", "zh-Hans", "zh-Hant", "ja"]) expect(languages).toContain(lang);
    expect(run.out).toMatch(/clusters: \d+ in all/);
    expect(run.out).toContain("read: File not found: <*>");
    // The learning loop at work: one fix proven after 3 clean cycles, one failed on recurrence.
    expect(run.out).toMatch(/active in cycle 1 → PROVEN in cycle 4/);
    expect(run.out).toMatch(/active in cycle 2 → FAILED in cycle 4/);
  });
});
