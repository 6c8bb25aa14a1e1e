import type { EffectiveConfig, FlagSetting, Home } from "../config/mod.ts";
import { readConfigFile, resolveConfig, resolveHome } from "../config/mod.ts";
import type { PermissionNeed, Purpose } from "../sandbox/mod.ts";
import { missingPermissions, needsFor, requiredPermissions, SandboxError } from "../sandbox/mod.ts";
import type { CliEnvironment } from "./cli_env.ts";
import { UsageError } from "./usage_error.ts";

/** Options every command accepts. */
export interface GlobalOptions {
  readonly home?: string | undefined;
  readonly set?: readonly string[] | undefined;
}

/** What a command works with once the home and configuration are known. */
export interface CommandContext {
  readonly cli: CliEnvironment;
  readonly home: Home;
  readonly effective: EffectiveConfig;
  readonly needs: readonly PermissionNeed[];
  readonly configFilePresent: boolean;
}

/** `--set key=value` → a flag setting; anything else is a usage error. */
export function parseSetFlag(text: string): FlagSetting {
  const at = text.indexOf("=");
  if (at <= 0) {
    throw new UsageError(
      `--set expects key=value (e.g. --set runtime.learnMode=all), got "${text}"`,
    );
  }
  return { key: text.slice(0, at).trim(), value: text.slice(at + 1), flag: `--set ${text}` };
}

/**
 * Resolves the home, reads its config.json and merges every layer.
 *
 * @param flags settings from command-specific flags, applied after `--set`.
 */
export async function loadContext(
  cli: CliEnvironment,
  globals: GlobalOptions,
  flags: readonly FlagSetting[] = [],
): Promise<CommandContext> {
  const home = resolveHome({
    flag: globals.home,
    env: cli.env,
    cwd: cli.cwd,
    checkoutDir: cli.checkoutDir,
  });
  const allFlags = [...(globals.set ?? []).map(parseSetFlag), ...flags];
  if (cli.query && (await cli.query("read", home.dir)) !== "granted") {
    // config.json cannot even be read: judge the needs from env and flags alone.
    const effective = resolveConfig({ env: cli.env, flags: allFlags });
    const needs = needsOf(cli, effective, home);
    throw sandboxError(cli, needsFor(needs, ["home"]), needs);
  }
  const file = await readConfigFile(home.dir);
  const effective = resolveConfig({ env: cli.env, file, flags: allFlags });
  const needs = needsOf(cli, effective, home);
  return { cli, home, effective, needs, configFilePresent: file !== undefined };
}

/** Every permission `effective` needs for `home`, run the way `cli` runs. */
export function needsOf(
  cli: CliEnvironment,
  effective: EffectiveConfig,
  home: Home,
): PermissionNeed[] {
  return requiredPermissions({
    config: effective.config,
    home,
    env: cli.env,
    cwd: cli.cwd,
    installDir: cli.checkoutDir,
  });
}

function sandboxError(
  cli: CliEnvironment,
  missing: readonly PermissionNeed[],
  needs: readonly PermissionNeed[],
): SandboxError {
  return new SandboxError(missing, needs, {
    compiled: cli.runtime.compiled,
    ...(cli.mainModule ? { mainModule: cli.mainModule } : {}),
    args: cli.args,
  });
}

/**
 * Fails with the exact flags to add when the process lacks a permission that
 * the given purposes need, or one of `extra` (e.g. reading a `--source` path).
 * Outside Deno (no sandbox to ask) it passes.
 */
export async function requirePermissions(
  context: CommandContext,
  purposes: readonly Purpose[],
  extra: readonly PermissionNeed[] = [],
): Promise<void> {
  const query = context.cli.query;
  if (!query) return;
  const missing = await missingPermissions([...needsFor(context.needs, purposes), ...extra], query);
  if (missing.length > 0) throw sandboxError(context.cli, missing, [...context.needs, ...extra]);
}
