import { defineConfig } from "vitest/config";

/**
 * End-to-end tests: `deno task test:e2e`. They drive lshml the way a user does
 * (the README's commands, a real OpenClaw, a real browser), one file at a time.
 */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*_test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-output/e2e.json" },
  },
});
