import { z } from "zod";
import { ConfigSchema } from "../config/mod.ts";
import { ENGINE_SECTION, EngineSettingsSchema } from "./engine_settings.ts";

/** A JSON Schema object, as OpenClaw's manifest takes it. */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * JSON Schema keywords kept from zod's output. Defaults are left out on purpose: OpenClaw
 * applies schema defaults to the config it hands the plugin, which would turn every default
 * into a "plugin config" value and hide `<home>/config.json` (defaults live in the engine).
 * zod's metadata (`env`, `path`, `secret`) is not JSON Schema and is dropped too.
 */
const KEPT = new Set([
  "type",
  "enum",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "items",
  "description",
]);

function clean(schema: JsonSchema): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT.has(key)) continue;
    out[key] = key === "items" ? clean(value as JsonSchema) : value;
  }
  // zod writes URLs as `format: "uri"`; a pattern needs no format support in the validator.
  if (schema.format === "uri") out.pattern = "^https?://";
  return out;
}

function objectSchema(description: string, properties: Record<string, JsonSchema>): JsonSchema {
  return { type: "object", additionalProperties: false, description, properties };
}

/** The cleaned JSON Schemas of an object schema's properties. */
function propertiesOf(schema: z.ZodType | JsonSchema): Record<string, JsonSchema> {
  const json = schema instanceof z.ZodType
    ? z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema
    : schema;
  return (json.properties ?? {}) as Record<string, JsonSchema>;
}

/** What each section of the configuration is about, for the manifest and UIs. */
export const SECTION_HELP: Readonly<Record<string, readonly [label: string, help: string]>> = {
  evolve: ["Evolution", "How `lshml run` picks, applies and verifies fixes."],
  ollama: ["Ollama", "A local Ollama server, used only when a provider is set to ollama."],
  dashboard: ["Dashboard", "The local dashboard server (`lshml dashboard`)."],
  openai: ["OpenAI", "OpenAI access, used only when a provider is set to openai."],
  openclaw: ["OpenClaw", "Where OpenClaw keeps its state, for transcript scans."],
  runtime: ["Task tracking", "How turns are grouped into tasks and when learning happens."],
  retrieval: ["Memory retrieval", "Phase A recall and phase B ranking of episodic memories."],
  learning: ["Learning", "The Q-value update of the memories used in a task."],
  memory: ["Episodic memory", "How many memories are kept and how long their text may be."],
  reward: ["Reward scoring", "Who scores the user's feedback: heuristic, ollama or openai."],
  experience: ["Experience summaries", "Who writes a memory's strategy text."],
  embedding: ["Embeddings", "The embedder used for recall and clustering."],
  remote: ["Team hub (opt-in)", "Sharing sanitised memories with a self-hosted hub."],
  [ENGINE_SECTION]: [
    "Engine (plugin bridge)",
    "How the plugin starts the lshml engine and how long hooks may wait for it.",
  ],
};

function help(section: string): readonly [string, string] {
  const found = SECTION_HELP[section];
  if (!found) throw new TypeError(`config section ${section} has no entry in SECTION_HELP`);
  return found;
}

/**
 * The plugin's `configSchema`: every lshml setting (`runtime.learnMode`, …) in its section,
 * plus the plugin's own `engine` section; unknown keys are rejected, nothing is required.
 *
 * @example
 * ```ts
 * pluginConfigSchema().properties.runtime.properties.learnMode.enum; // ["balanced", "tools_only", "all"]
 * ```
 */
export function pluginConfigSchema(): JsonSchema {
  const cleaned = (properties: Record<string, JsonSchema>) =>
    Object.fromEntries(Object.entries(properties).map(([name, leaf]) => [name, clean(leaf)]));
  const sections: Record<string, JsonSchema> = {};
  for (const [section, raw] of Object.entries(propertiesOf(ConfigSchema))) {
    sections[section] = objectSchema(help(section)[1], cleaned(propertiesOf(raw)));
  }
  sections[ENGINE_SECTION] = objectSchema(
    help(ENGINE_SECTION)[1],
    cleaned(propertiesOf(EngineSettingsSchema)),
  );
  return objectSchema("lshml settings; see `lshml config` for values and sources.", sections);
}
