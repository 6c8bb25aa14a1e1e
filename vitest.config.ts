import { defineConfig } from "vitest/config";

/**
 * Unit and integration tests: `deno task test`. Test files run in forked Deno
 * processes, so tests can use Deno's APIs and start real processes.
 * The JSON report is what `.ci/run` counts.
 */
export default defineConfig({
  test: {
    include: ["tests/**/*_test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-output/unit.json" },
  },
});
