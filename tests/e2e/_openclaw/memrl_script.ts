import { join } from "node:path";
import { resolveConfig } from "../../../src/config/mod.ts";
import { runDemo } from "../../../src/demo/mod.ts";
import { createLocalEmbedder } from "../../../src/embed/mod.ts";
import { ROOT } from "../../_helpers/cli.ts";

/** The task of the MemRL conversations: its tool call fails. */
export const TASK = "fix the failing npm build in the ci workflow";

/**
 * The fake model's script for the MemRL conversations (scripts/openclaw/fake_model_server.mjs):
 * the task runs a failing exec, the same task "again" a passing one, asking for the settings a
 * failing read. First matching rule wins, on the user's own words (not on a block lshml
 * prepended); anything else is answered "Understood.".
 */
export const MEMRL_SCRIPT = {
  rules: [
    {
      match: "workflow again",
      toolCall: { name: "exec", arguments: { command: "echo build ok", title: "build" } },
      after: "The build passes now.",
    },
    {
      match: TASK,
      toolCall: {
        name: "exec",
        arguments: { command: "ls ./no-such-build-dir", title: "build" },
      },
      after: "I ran the build step; it should be fixed now.",
    },
    {
      match: "show me the settings",
      toolCall: { name: "read", arguments: { path: "config/app.yaml" } },
      after: "config/app.yaml does not exist.",
    },
  ],
  default: { text: "Understood." },
};

/** Fills an lshml home with the demo's five real cycles: clusters and a proven fix. */
export async function seedDemoHome(home: string): Promise<void> {
  await runDemo({
    home,
    samples: join(ROOT, "samples"),
    config: resolveConfig({ env: {} }).config,
    now: () => new Date(),
    embedder: createLocalEmbedder({ dimensions: 512 }),
  });
}
