import { z } from "zod";

/** One command as an argument vector: never a shell string. */
const argv = z.array(z.string().min(1)).min(1);

/**
 * The plugin's own settings, under `plugins.entries.lshml.config.engine`: how the OpenClaw
 * plugin starts and budgets the engine. The plugin validates them itself (plain JS,
 * `plugin/plugin_config.js`, same keys and defaults: a test compares them); this schema
 * documents them for the manifest and gives the engine `engine.home`. Every other key of
 * the plugin config is an lshml setting (`runtime.learnMode`, …).
 */
export const EngineSettingsSchema = z.object({
  command: argv.optional().meta({
    description:
      'Command that starts the engine, e.g. ["/usr/local/bin/lshml","agent","serve","--stdio"]. Unset: `deno run -P` on the checkout the plugin belongs to.',
  }),
  denoPath: z.string().min(1).optional().meta({
    description: "The deno binary for a checkout engine; unset: `deno` on PATH.",
  }),
  checkout: z.string().min(1).optional().meta({
    description:
      "The lshml checkout (folder of main.ts) to run; unset: the folder the plugin is in.",
  }),
  home: z.string().min(1).optional().meta({
    description:
      "lshml home directory for the engine (like --home); unset: LSHML_HOME, else the default.",
  }),
  args: z.array(z.string()).default([]).meta({
    description:
      'Extra arguments after `agent serve --stdio`, e.g. ["--set","runtime.learnMode=all"].',
  }),
  hookBudgetMs: z.number().int().min(50).max(60_000).default(1500).meta({
    description:
      "How long before_prompt_build may wait for the engine (ms); then the agent goes on without it. Other hooks never wait.",
  }),
  maxRestarts: z.number().int().min(0).max(100).default(8).meta({
    description:
      "Restarts (with exponential backoff) after the engine dies, before the plugin gives up until OpenClaw restarts.",
  }),
}).strict();

/** The plugin's engine settings, after defaults. */
export type EngineSettings = z.output<typeof EngineSettingsSchema>;

/** The key of the plugin's own section in the plugin config. */
export const ENGINE_SECTION = "engine";
