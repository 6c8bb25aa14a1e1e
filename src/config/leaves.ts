import { z } from "zod";
import { ConfigSchema } from "./schema.ts";
import { type SettingMeta, settingMeta } from "./setting.ts";

/** The scalar kinds a setting can have; strings from env and flags are coerced by kind. */
export type LeafKind = "boolean" | "number" | "integer" | "enum" | "string" | "json";

/** One setting, flattened out of {@link ConfigSchema}. */
export interface Leaf {
  /** Dotted key, as in config.json and the OpenClaw plugin config: `runtime.learnMode`. */
  readonly key: string;
  readonly path: readonly [string, string];
  readonly env: string;
  readonly kind: LeafKind;
  readonly meta: SettingMeta;
  /** The default, or `undefined` for settings that are unset unless provided. */
  readonly defaultValue: unknown;
  /** Human text of what is allowed: `one of a | b`, `a number from 0 to 1`. */
  readonly allowed: string;
  /** Enum members, for enum settings. */
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

/** `runtime.learnMode` → `LSHML_RUNTIME_LEARN_MODE`. */
export function derivedEnvName(key: string): string {
  const snake = key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/\./g, "_");
  return `LSHML_${snake.toUpperCase()}`;
}

function unwrapSection(schema: z.ZodType): z.ZodObject {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodPrefault || inner instanceof z.ZodDefault) {
    inner = inner.unwrap() as z.ZodType;
  }
  if (!(inner instanceof z.ZodObject)) {
    throw new TypeError("config sections must be objects");
  }
  return inner;
}

function unwrapLeaf(schema: z.ZodType): { type: z.ZodType; defaultValue: unknown } {
  if (schema instanceof z.ZodDefault) {
    return { type: schema.unwrap() as z.ZodType, defaultValue: schema.def.defaultValue };
  }
  if (schema instanceof z.ZodOptional) {
    return { type: schema.unwrap() as z.ZodType, defaultValue: undefined };
  }
  return { type: schema, defaultValue: undefined };
}

function range(min: number | null, max: number | null): string {
  const lo = min === null || !Number.isFinite(min) ? undefined : min;
  const hi = max === null || !Number.isFinite(max) ? undefined : max;
  if (lo !== undefined && hi !== undefined) return `from ${lo} to ${hi}`;
  if (lo !== undefined) return `of at least ${lo}`;
  if (hi !== undefined) return `of at most ${hi}`;
  return "";
}

function describeType(
  type: z.ZodType,
): Omit<Leaf, "key" | "path" | "env" | "meta" | "defaultValue"> {
  if (type instanceof z.ZodBoolean) return { kind: "boolean", allowed: "true or false" };
  if (type instanceof z.ZodEnum) {
    const options = type.options.map(String);
    return { kind: "enum", options, allowed: `one of ${options.join(" | ")}` };
  }
  if (type instanceof z.ZodNumber) {
    const integer = type.isInt;
    const min = type.minValue ?? undefined;
    const max = type.maxValue ?? undefined;
    const noun = integer ? "a whole number" : "a number";
    const allowed = `${noun} ${range(type.minValue, type.maxValue)}`.trim();
    return {
      kind: integer ? "integer" : "number",
      allowed,
      ...(min !== undefined && Number.isFinite(min) ? { min } : {}),
      ...(max !== undefined && Number.isFinite(max) ? { max } : {}),
    };
  }
  if (type instanceof z.ZodArray) {
    const nested = type.element instanceof z.ZodArray;
    const allowed = nested
      ? 'a JSON array of commands, each an array of arguments: [["npm","test"]]'
      : 'a JSON array of arguments: ["claude","-p"]';
    return { kind: "json", allowed };
  }
  if (type instanceof z.ZodURL) return { kind: "string", allowed: "an http(s) URL" };
  if (type instanceof z.ZodString) return { kind: "string", allowed: "a non-empty string" };
  throw new TypeError(`unsupported setting type: ${type.constructor.name}`);
}

function collect(schema: z.ZodObject): Leaf[] {
  const leaves: Leaf[] = [];
  for (const [section, sectionSchema] of Object.entries(schema.shape)) {
    const shape = unwrapSection(sectionSchema as z.ZodType).shape;
    for (const [name, leafSchema] of Object.entries(shape)) {
      const key = `${section}.${name}`;
      const meta = settingMeta(leafSchema as z.ZodType);
      if (!meta) throw new TypeError(`setting ${key} has no description`);
      const { type, defaultValue } = unwrapLeaf(leafSchema as z.ZodType);
      leaves.push({
        key,
        path: [section, name],
        env: meta.env ?? derivedEnvName(key),
        meta,
        defaultValue,
        ...describeType(type),
      });
    }
  }
  return leaves;
}

let cached: readonly Leaf[] | undefined;

/**
 * Every setting in schema order.
 *
 * @example
 * ```ts
 * const strategy = configLeaves().find((l) => l.key === "evolve.strategy");
 * strategy?.env; // "EVOLVE_STRATEGY"
 * ```
 */
export function configLeaves(): readonly Leaf[] {
  cached ??= Object.freeze(collect(ConfigSchema));
  return cached;
}

/** The leaf for a dotted key, or `undefined`. */
export function findLeaf(key: string): Leaf | undefined {
  return configLeaves().find((leaf) => leaf.key === key);
}
