import {
  ConfigError,
  type ConfigFile,
  type EffectiveConfig,
  type FlagSetting,
  type Home,
  readConfigFile,
  resolveConfig,
  resolveHome,
} from "../config/mod.ts";
import {
  denoFlags,
  missingPermissions,
  needsFor,
  type PermissionNeed,
  type PermissionQuery,
  type Purpose,
  requiredPermissions,
  SandboxError,
} from "../sandbox/mod.ts";
import { VERSION } from "../version.ts";
import { ENGINE_SECTION, EngineSettingsSchema } from "./engine_settings.ts";
import type { HookHandlerFactory, Logger } from "./hook_handler.ts";
import type { InitRequest, ProtocolError } from "./protocol.ts";
import type { EngineStart } from "./serve_stdio.ts";

/**
 * What the agent path needs from the sandbox: its home, its bundled files, the environment,
 * and the model/hub hosts the configuration names. Not the dashboard port, git, the load
 * average or the OpenClaw state directory: hooks bring the conversation.
 */
export const AGENT_PURPOSES: readonly Purpose[] = [
  "home",
  "self",
  "config",
  "ollama",
  "openai",
  "remote",
];

/** Where the plugin config appears in `lshml config`-style origins. */
export const PLUGIN_CONFIG_ORIGIN = "OpenClaw plugin config (plugins.entries.lshml.config)";

/** The process around the engine, gathered by the CLI shell. */
export interface EngineEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The checkout the engine runs from; absent in a compiled binary. */
  readonly checkoutDir: string | undefined;
  /** `--home`, which wins over the plugin's `engine.home`. */
  readonly homeFlag?: string | undefined;
  /** `--set key=value` settings. */
  readonly flags: readonly FlagSetting[];
  /** Deno's permission query; absent outside Deno (nothing to check). */
  readonly query: PermissionQuery | undefined;
  /** How the engine was started, for the fix in a SANDBOX_MISSING message. */
  readonly invocation: {
    readonly compiled: boolean;
    readonly mainModule?: string;
    readonly args: readonly string[];
  };
  readonly factory: HookHandlerFactory;
  readonly now: () => Date;
}

function refuse(code: ProtocolError["code"], message: string, flags?: string[]): EngineStart {
  return { ok: false, error: { code, message, ...(flags ? { flags } : {}) } };
}

function sandboxRefusal(
  missing: readonly PermissionNeed[],
  needs: readonly PermissionNeed[],
  environment: EngineEnvironment,
): EngineStart {
  const error = new SandboxError(missing, needs, environment.invocation);
  return refuse("SANDBOX_MISSING", error.message, denoFlags(needs));
}

/** Splits the plugin config into lshml settings and the plugin's own `engine` section. */
function splitPluginConfig(config: Readonly<Record<string, unknown>>) {
  const { [ENGINE_SECTION]: engine, ...settings } = config;
  return { engine: EngineSettingsSchema.safeParse(engine ?? {}), settings };
}

function needsOf(effective: EffectiveConfig, home: Home, environment: EngineEnvironment) {
  const all = requiredPermissions({
    config: effective.config,
    home,
    env: environment.env,
    cwd: environment.cwd,
    installDir: environment.checkoutDir,
  });
  return needsFor(all, AGENT_PURPOSES);
}

/**
 * Opens the engine for one plugin connection (the `open` of `serveStdio`): resolves the
 * home (`--home` > `engine.home` > LSHML_HOME > checkout > ~/.lshml) and the configuration
 * (the plugin config's lshml settings are the config-file layer; when it has none,
 * `<home>/config.json` is), checks the Deno permissions the agent path needs, and builds
 * the hook handler. A missing permission is refused with SANDBOX_MISSING and the complete
 * flags, so the plugin can restart the engine with exactly those.
 */
export async function openAgentEngine(
  init: InitRequest,
  log: Logger,
  environment: EngineEnvironment,
): Promise<EngineStart> {
  const { engine, settings } = splitPluginConfig(init.config);
  if (!engine.success) {
    const issue = engine.error.issues[0];
    const where = `engine.${issue?.path.join(".") ?? ""}`;
    return refuse("CONFIG_INVALID", `invalid plugin setting ${where}: ${issue?.message}`);
  }
  const { env, cwd, checkoutDir, query } = environment;
  const flag = environment.homeFlag ?? engine.data.home;
  const home = resolveHome({ flag, env, cwd, checkoutDir });

  let effective: EffectiveConfig;
  try {
    const fromPlugin = Object.keys(settings).length > 0;
    if (!fromPlugin && query && (await query("read", home.dir)) !== "granted") {
      // config.json cannot even be read: judge the needs from env and flags alone.
      const needs = needsOf(resolveConfig({ env, flags: environment.flags }), home, environment);
      return sandboxRefusal(needsFor(needs, ["home"]), needs, environment);
    }
    const file: ConfigFile | undefined = fromPlugin
      ? { origin: PLUGIN_CONFIG_ORIGIN, value: settings }
      : await readConfigFile(home.dir);
    effective = resolveConfig({ env, file, flags: environment.flags });
  } catch (error) {
    if (error instanceof ConfigError) return refuse("CONFIG_INVALID", error.message);
    throw error;
  }
  const needs = needsOf(effective, home, environment);
  const missing = query ? await missingPermissions(needs, query) : [];
  if (missing.length > 0) return sandboxRefusal(missing, needs, environment);

  for (const warning of effective.warnings) log.warn(`lshml: ${warning}`);
  if (init.version !== VERSION) {
    log.warn(
      `lshml: the plugin is ${init.version} but the engine is ${VERSION}; ` +
        "update the plugin folder (lshml plugin install) so both match",
    );
  }
  const handler = await environment.factory.create({
    effective,
    home,
    log,
    now: environment.now,
    hookBudgetMs: engine.data.hookBudgetMs,
  });
  const label = environment.factory.label;
  log.info(`lshml: initialized (home ${home.dir}, handler ${label}, lshml ${VERSION})`);
  return { ok: true, handler, info: { version: VERSION, home: home.dir, handler: label } };
}
