import { describe, expect, it } from "vitest";
import type { CliEnvironment } from "../../src/cli/cli_env.ts";
import { runCli } from "../../src/cli/program.ts";
import { ROOT, tempDir } from "../_helpers/cli.ts";

describe("lshml run --loop under load", () => {
  it("skips cycles and backs off while the load average exceeds EVOLVE_LOAD_MAX", async () => {
    const lines: string[] = [];
    let interrupt: () => void = () => undefined;
    const cli: CliEnvironment = {
      io: {
        out: (text) => {
          lines.push(text);
          if (text.includes("backing off")) interrupt();
        },
        err: (text) => lines.push(text),
        isTTY: false,
        progress: () => undefined,
        readStdin: () => Promise.resolve(""),
      },
      args: ["--home", tempDir(), "run", "--loop", "--source", `${ROOT}samples/logs`],
      env: { EVOLVE_LOAD_MAX: "1.5", LSHML_EVOLVE_LOOP_MIN_SECONDS: "1", HOME: tempDir() },
      cwd: ROOT,
      installDir: ROOT,
      checkoutDir: ROOT,
      mainModule: `${ROOT}main.ts`,
      query: undefined,
      runtime: { name: "deno", version: Deno.version.deno, compiled: false },
      execPath: Deno.execPath(),
      now: () => new Date(),
      loadAverage: () => 3.25,
      onInterrupt: (handler) => {
        interrupt = handler;
        return () => undefined;
      },
    };
    expect(await runCli(cli)).toBe(0);
    expect(lines).toContain("loop: load 3.25 > EVOLVE_LOAD_MAX 1.5: backing off 1 s");
    expect(lines.some((l) => l.startsWith("cycle "))).toBe(false);
    expect(lines).toContain("lshml: stopping after this cycle");
  });
});
