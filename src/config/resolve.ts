import { ConfigError, type ConfigProblem } from "./config_error.ts";
import { configLeaves, findLeaf, type Leaf } from "./leaves.ts";
import { type Config, ConfigSchema } from "./schema.ts";

/** Where an effective value came from. */
export type SettingSource =
  | { readonly kind: "default" }
  | { readonly kind: "file"; readonly file: string }
  | { readonly kind: "env"; readonly name: string }
  | { readonly kind: "flag"; readonly flag: string };

/** A setting given on the command line. */
export interface FlagSetting {
  readonly key: string;
  readonly value: string;
  /** How it was given, for messages: `--set runtime.learnMode=all`, `--strategy`. */
  readonly flag: string;
}

/** The inputs, lowest precedence first: defaults < file < env < flags. */
export interface ConfigLayers {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A parsed config file (`<home>/config.json`, or the OpenClaw plugin config). */
  readonly file?: { readonly origin: string; readonly value: unknown } | undefined;
  readonly flags?: readonly FlagSetting[];
}

/** The configuration in force and the origin of every value. */
export interface EffectiveConfig {
  readonly config: Config;
  /** One entry per setting key (see {@link configLeaves}). */
  readonly sources: ReadonlyMap<string, SettingSource>;
  /** Things worth saying that are not errors: unknown `LSHML_*` variables. */
  readonly warnings: readonly string[];
}

/** Environment variables that are not settings but are read elsewhere. */
const NON_SETTING_ENV = new Set(["LSHML_HOME"]);

/** Human text for a source: `env EVOLVE_STRATEGY`. */
export function describeSource(source: SettingSource): string {
  switch (source.kind) {
    case "default":
      return "default";
    case "file":
      return `file ${source.file}`;
    case "env":
      return `env ${source.name}`;
    case "flag":
      return `flag ${source.flag}`;
  }
}

/** Turns a string from the environment or a flag into the setting's type, when it can. */
export function coerce(leaf: Leaf, raw: string): unknown {
  const text = raw.trim();
  if (leaf.kind === "boolean") {
    if (/^(true|1|yes|on)$/i.test(text)) return true;
    if (/^(false|0|no|off)$/i.test(text)) return false;
    return raw;
  }
  if (leaf.kind === "json") {
    try {
      return JSON.parse(text);
    } catch {
      return raw; // not JSON: validation names the setting and what it expects
    }
  }
  if (leaf.kind === "number" || leaf.kind === "integer") {
    const n = Number(text);
    return text !== "" && Number.isFinite(n) ? n : raw;
  }
  return raw;
}

function closest(key: string): string | undefined {
  const lower = key.toLowerCase();
  const exact = configLeaves().find((l) => l.key.toLowerCase() === lower);
  if (exact) return exact.key;
  const name = lower.split(".").pop() ?? lower;
  return configLeaves().find((l) => l.key.toLowerCase().endsWith(`.${name}`))?.key;
}

function unknownKey(key: string, value: unknown, from: string): ConfigProblem {
  const guess = closest(key);
  const allowed = guess ? `a known setting (did you mean ${guess}?)` : "a known setting";
  return { key, value, from, allowed };
}

/** `${VAR}` in config-file strings reads the environment, as the self-evolve seed allowed. */
function expandEnv(
  value: unknown,
  env: ConfigLayers["env"],
): { value: unknown; missing?: string } {
  if (typeof value !== "string") return { value };
  let missing: string | undefined;
  const expanded = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_all, name: string) => {
    const found = env[name];
    if (found === undefined || found === "") missing ??= name;
    return found ?? "";
  });
  return missing ? { value, missing } : { value: expanded };
}

interface Merge {
  readonly raw: Record<string, Record<string, unknown>>;
  readonly sources: Map<string, SettingSource>;
  readonly problems: ConfigProblem[];
}

function put(merge: Merge, leaf: Leaf, value: unknown, source: SettingSource): void {
  const [section, name] = leaf.path;
  merge.raw[section] ??= {};
  merge.raw[section][name] = value;
  merge.sources.set(leaf.key, source);
}

function applyFile(
  merge: Merge,
  file: NonNullable<ConfigLayers["file"]>,
  env: ConfigLayers["env"],
) {
  const from = `file ${file.origin}`;
  if (typeof file.value !== "object" || file.value === null || Array.isArray(file.value)) {
    merge.problems.push({ key: "(root)", value: file.value, from, allowed: "a JSON object" });
    return;
  }
  const sections = new Set(configLeaves().map((l) => l.path[0]));
  for (const [section, body] of Object.entries(file.value)) {
    if (!sections.has(section)) {
      merge.problems.push(unknownKey(section, body, from));
      continue;
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      merge.problems.push({
        key: section,
        value: body,
        from,
        allowed: `an object of ${section}.* settings`,
      });
      continue;
    }
    for (const [name, value] of Object.entries(body)) {
      const leaf = findLeaf(`${section}.${name}`);
      if (!leaf) {
        merge.problems.push(unknownKey(`${section}.${name}`, value, from));
        continue;
      }
      const expanded = expandEnv(value, env);
      if (expanded.missing) {
        const allowed = `environment variable ${expanded.missing} to be set (it is referenced)`;
        merge.problems.push({ key: leaf.key, value, from, allowed });
        continue;
      }
      put(merge, leaf, expanded.value, { kind: "file", file: file.origin });
    }
  }
}

function applyEnv(merge: Merge, env: ConfigLayers["env"]): string[] {
  const known = new Set(configLeaves().map((l) => l.env));
  // OpenClaw's own rule: without OPENCLAW_STATE_DIR, the state lives in $OPENCLAW_HOME/.openclaw.
  const openclawHome = env.OPENCLAW_HOME;
  const stateDir = findLeaf("openclaw.stateDir");
  if (openclawHome && stateDir && !env.OPENCLAW_STATE_DIR) {
    const dir = `${openclawHome.replace(/\/+$/, "")}/.openclaw`;
    put(merge, stateDir, dir, { kind: "env", name: "OPENCLAW_HOME" });
  }
  for (const leaf of configLeaves()) {
    const raw = env[leaf.env];
    if (raw === undefined || raw === "") continue;
    put(merge, leaf, coerce(leaf, raw), { kind: "env", name: leaf.env });
  }
  return Object.keys(env)
    .filter((name) => name.startsWith("LSHML_") && !known.has(name) && !NON_SETTING_ENV.has(name))
    .map((name) => `ignoring unknown environment variable ${name}`);
}

function applyFlags(merge: Merge, flags: readonly FlagSetting[]): void {
  for (const flag of flags) {
    const leaf = findLeaf(flag.key);
    if (!leaf) {
      merge.problems.push(unknownKey(flag.key, flag.value, `flag ${flag.flag}`));
      continue;
    }
    // The source is printed by `lshml config` and in errors: a secret's value never is.
    const shown = leaf.meta.secret && flag.value
      ? flag.flag.split(flag.value).join("[REDACTED]")
      : flag.flag;
    put(merge, leaf, coerce(leaf, flag.value), { kind: "flag", flag: shown });
  }
}

function valueAt(raw: Merge["raw"], key: string): unknown {
  const [section = "", name = ""] = key.split(".");
  return raw[section]?.[name];
}

/**
 * Merges defaults, the config file, the environment and flags (in that order of
 * precedence, last wins) and validates the result against {@link ConfigSchema}.
 *
 * @throws {ConfigError} listing every invalid or unknown setting with its origin.
 *
 * @example
 * ```ts
 * const { config, sources } = resolveConfig({ env: { EVOLVE_STRATEGY: "harden" } });
 * config.evolve.strategy; // "harden"
 * sources.get("evolve.strategy"); // { kind: "env", name: "EVOLVE_STRATEGY" }
 * ```
 */
export function resolveConfig(layers: ConfigLayers): EffectiveConfig {
  const merge: Merge = { raw: {}, sources: new Map(), problems: [] };
  if (layers.file) applyFile(merge, layers.file, layers.env);
  const warnings = applyEnv(merge, layers.env);
  applyFlags(merge, layers.flags ?? []);
  if (merge.problems.length > 0) throw new ConfigError(merge.problems);

  const parsed = ConfigSchema.safeParse(merge.raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): ConfigProblem => {
      const key = issue.path.join(".");
      const leaf = findLeaf(key);
      const source = merge.sources.get(key) ?? { kind: "default" };
      const allowed = issue.code === "custom" ? issue.message : leaf?.allowed ?? issue.message;
      return { key, value: valueAt(merge.raw, key), from: describeSource(source), allowed };
    });
    throw new ConfigError(problems, { cause: parsed.error });
  }
  for (const leaf of configLeaves()) {
    if (!merge.sources.has(leaf.key)) merge.sources.set(leaf.key, { kind: "default" });
  }
  return { config: parsed.data, sources: merge.sources, warnings };
}
