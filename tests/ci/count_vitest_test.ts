import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../_helpers/cli.ts";

/**
 * Runs .ci/run's own count_vitest (extracted from the script) on one vitest JSON report, or on
 * a report that does not exist (null).
 */
async function count(report: unknown): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "lshml-ci-")), "report.json");
  if (report !== null) writeFileSync(file, JSON.stringify(report));
  const script = [
    "passed=0; failed=0; skipped=0",
    `eval "$(sed -n '/^count_vitest() {/,/^}/p' '${join(ROOT, ".ci", "run")}')"`,
    `count_vitest '${file}' >/dev/null`,
    'echo "$passed $failed $skipped"',
  ].join("\n");
  const out = await new Deno.Command("bash", { args: ["-c", script], stdout: "piped" }).output();
  return new TextDecoder().decode(out.stdout).trim().split("\n").at(-1) ?? "";
}

const suite = (status: string, tests: string[]) => ({
  status,
  assertionResults: tests.map((s) => ({ status: s })),
});

const report = (suites: ReturnType<typeof suite>[]) => {
  const all = suites.flatMap((s) => s.assertionResults);
  return {
    numPassedTests: all.filter((a) => a.status === "passed").length,
    numFailedTests: all.filter((a) => a.status === "failed").length,
    numPendingTests: all.filter((a) => a.status === "skipped" || a.status === "pending").length,
    numTodoTests: 0,
    testResults: suites,
  };
};

describe(".ci/run counts what vitest reports (passed failed skipped)", () => {
  it("counts passing, failing and skipped tests", async () => {
    const r = report([
      suite("passed", ["passed", "passed"]),
      suite("failed", ["passed", "failed"]),
    ]);
    expect(await count(r)).toBe("3 1 0");
  });

  it("counts a suite that failed before its tests (beforeAll threw) as a failure, not a pass", async () => {
    const r = report([suite("passed", ["passed"]), suite("failed", ["skipped"])]);
    expect(await count(r)).toBe("1 1 1");
  });

  it("counts a suite that failed to load (no tests at all) as a failure", async () => {
    expect(await count(report([suite("failed", [])]))).toBe("0 1 0");
  });

  it("counts a missing report as a failure", async () => {
    expect(await count(null)).toBe("0 1 0");
  });
});
