import { z } from "zod";
import { configLeaves } from "../config/mod.ts";
import { ENGINE_SECTION, EngineSettingsSchema } from "./engine_settings.ts";
import { SECTION_HELP } from "./plugin_config_schema.ts";

/** One field's rendering hint (OpenClaw manifest `uiHints`). */
export interface UiHint {
  readonly label: string;
  readonly help: string;
  readonly advanced?: boolean;
  readonly sensitive?: boolean;
  readonly placeholder?: string;
}

/** Settings shown by default; every other one is marked `advanced`. */
const BASIC = new Set([
  "runtime.learnMode",
  "retrieval.tau",
  "memory.maxEntries",
  "reward.provider",
  "experience.summarizer",
  "embedding.provider",
  "remote.enabled",
  "openai.apiKey",
  "ollama.url",
  "engine.command",
  "engine.home",
  "engine.hookBudgetMs",
]);

const WORDS: Readonly<Record<string, string>> = {
  ms: "(ms)",
  ttl: "TTL",
  url: "URL",
  api: "API",
  q: "Q",
};

/** `pendingTtlMs` → `Pending TTL (ms)`, `apiKey` → `API key`. */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(" ")
    .map((w) => WORDS[w] ?? w);
  const first = words[0] ?? "";
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(" ");
}

function hint(
  key: string,
  description: string,
  extra: { defaultValue?: unknown; env?: string; secret?: boolean },
): UiHint {
  const parts = [description];
  if (extra.defaultValue !== undefined) {
    parts.push(`Default: ${JSON.stringify(extra.defaultValue)}.`);
  }
  if (extra.env) parts.push(`Environment: ${extra.env}.`);
  const scalar = typeof extra.defaultValue === "string" || typeof extra.defaultValue === "number";
  return {
    label: labelOf(key.split(".").pop() ?? key),
    help: parts.join(" "),
    ...(BASIC.has(key) ? {} : { advanced: true }),
    ...(extra.secret ? { sensitive: true } : {}),
    ...(scalar ? { placeholder: String(extra.defaultValue) } : {}),
  };
}

/** The description and default of one engine setting (zod metadata). */
function engineMeta(schema: z.ZodType): { description: string; defaultValue: unknown } {
  const meta = schema.meta() as { description?: unknown } | undefined;
  if (typeof meta?.description !== "string") {
    throw new TypeError("engine setting lacks a description");
  }
  const defaultValue = schema instanceof z.ZodDefault ? schema.def.defaultValue : undefined;
  return { description: meta.description, defaultValue };
}

/**
 * The manifest's `uiHints`: a label and help (with the default and the environment
 * variable) for every section and every setting, `sensitive` on API keys, `advanced` on all
 * but the few settings most users touch. Keys are dotted paths (`runtime.learnMode`).
 */
export function pluginUiHints(): Record<string, UiHint> {
  const hints: Record<string, UiHint> = {};
  for (const [section, [label, help]] of Object.entries(SECTION_HELP)) {
    hints[section] = { label, help };
  }
  for (const leaf of configLeaves()) {
    hints[leaf.key] = hint(leaf.key, leaf.meta.description, {
      defaultValue: leaf.defaultValue,
      env: leaf.env,
      ...(leaf.meta.secret ? { secret: true } : {}),
    });
  }
  for (const [name, schema] of Object.entries(EngineSettingsSchema.shape)) {
    const meta = engineMeta(schema);
    const key = `${ENGINE_SECTION}.${name}`;
    hints[key] = hint(key, meta.description, { defaultValue: meta.defaultValue });
  }
  return hints;
}
