import type { Leaf, SettingSource } from "../config/mod.ts";
import { configLeaves, describeHomeSource, describeSource, findLeaf } from "../config/mod.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type CommandContext, type GlobalOptions, loadContext } from "./context.ts";
import { formatTable, printJson } from "./output.ts";
import { UsageError } from "./usage_error.ts";

function valueAt(context: CommandContext, leaf: Leaf): unknown {
  const [section, name] = leaf.path;
  return (context.effective.config as Record<string, Record<string, unknown>>)[section]?.[name];
}

/** A value as shown to people: secrets never in clear. */
function shown(leaf: Leaf, value: unknown): string {
  if (value === undefined) return "(unset)";
  if (leaf.meta.secret) return "(set, hidden)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A value as given to machines: secrets never in clear. */
function jsonValue(leaf: Leaf, value: unknown): unknown {
  if (leaf.meta.secret && value !== undefined) return "[REDACTED]";
  return value ?? null;
}

function originOf(source: SettingSource): string | undefined {
  switch (source.kind) {
    case "env":
      return source.name;
    case "file":
      return source.file;
    case "flag":
      return source.flag;
    case "default":
      return undefined;
  }
}

function settingRecord(context: CommandContext, leaf: Leaf) {
  const source = context.effective.sources.get(leaf.key) ?? { kind: "default" as const };
  return {
    key: leaf.key,
    value: jsonValue(leaf, valueAt(context, leaf)),
    source: source.kind,
    origin: originOf(source) ?? null,
    env: leaf.env,
    default: leaf.defaultValue ?? null,
    allowed: leaf.allowed,
    description: leaf.meta.description,
  };
}

function printOne(deps: CommandDeps, context: CommandContext, leaf: Leaf): void {
  const source = context.effective.sources.get(leaf.key) ?? { kind: "default" as const };
  deps.cli.io.out(`${leaf.key} = ${shown(leaf, valueAt(context, leaf))}`);
  deps.cli.io.out(formatTable([
    ["  source", describeSource(source)],
    ["  env", leaf.env],
    ["  default", leaf.defaultValue === undefined ? "(unset)" : shown(leaf, leaf.defaultValue)],
    ["  allowed", leaf.allowed],
    ["  about", leaf.meta.description],
  ]));
}

function printAll(deps: CommandDeps, context: CommandContext): void {
  const { io } = deps.cli;
  io.out(`home:   ${context.home.dir}  (${describeHomeSource(context.home.source)})`);
  io.out(`config: ${context.home.dir}/config.json ${context.configFilePresent ? "" : "(none)"}`);
  io.out("");
  const rows = [["KEY", "VALUE", "SOURCE"]];
  for (const leaf of configLeaves()) {
    const source = context.effective.sources.get(leaf.key) ?? { kind: "default" as const };
    rows.push([leaf.key, shown(leaf, valueAt(context, leaf)), describeSource(source)]);
  }
  io.out(formatTable(rows));
  for (const warning of context.effective.warnings) io.err(`warning: ${warning}`);
}

/** What `lshml config` was asked: one setting (`key`) or all, as text or JSON. */
export interface ConfigRequest {
  readonly key: string | undefined;
  readonly json?: boolean;
}

/** What `lshml config` does once its arguments are parsed (loaded only when it runs). */
export async function configAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  { key, ...options }: ConfigRequest,
): Promise<void> {
  const context = await loadContext(deps.cli, globals);
  const leaf = key === undefined ? undefined : findLeaf(key);
  if (key !== undefined && !leaf) {
    throw new UsageError(`unknown setting "${key}"; \`lshml config\` lists them all`);
  }
  if (options.json) {
    const leaves = leaf ? [leaf] : configLeaves();
    printJson(deps.cli.io, {
      home: context.home,
      configFile: {
        path: `${context.home.dir}/config.json`,
        present: context.configFilePresent,
      },
      settings: leaves.map((l) => settingRecord(context, l)),
      warnings: context.effective.warnings,
    });
  } else if (leaf) {
    printOne(deps, context, leaf);
  } else {
    printAll(deps, context);
  }
}
