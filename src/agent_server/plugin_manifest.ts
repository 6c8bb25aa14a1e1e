import { VERSION } from "../version.ts";
import { type JsonSchema, pluginConfigSchema } from "./plugin_config_schema.ts";
import { pluginUiHints, type UiHint } from "./plugin_ui_hints.ts";

/** The plugin id: the `plugins.entries` key and `plugins.allow` entry. */
export const PLUGIN_ID = "lshml";

/** One sentence for `openclaw plugins list` and the manifest. */
export const PLUGIN_DESCRIPTION =
  "Local self-healing ML for OpenClaw agents: learns which past experiences help and " +
  "injects them as memories; runs on this machine, in Deno's sandbox.";

/** The OpenClaw manifest (`openclaw.plugin.json`), as {@link pluginManifest} builds it. */
export interface PluginManifest {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly version: string;
  readonly activation: { readonly onStartup: boolean };
  readonly configSchema: JsonSchema;
  readonly uiHints: Record<string, UiHint>;
}

/**
 * The OpenClaw manifest of the lshml plugin, generated from the config schema so every
 * setting is declared (DESIGN §6.7). `scripts/plugin/build_manifest.ts --write` writes it
 * to the checkout; `lshml plugin install` writes it into a plugin folder.
 *
 * @example
 * ```ts
 * JSON.stringify(pluginManifest(), null, 2); // the text of openclaw.plugin.json
 * ```
 */
export function pluginManifest(): PluginManifest {
  return {
    id: PLUGIN_ID,
    name: PLUGIN_ID,
    description: PLUGIN_DESCRIPTION,
    version: VERSION,
    activation: { onStartup: true },
    configSchema: pluginConfigSchema(),
    uiHints: pluginUiHints(),
  };
}

/**
 * The `package.json` OpenClaw reads to find the entry (`openclaw.extensions`); nothing
 * else, and no dependencies: the plugin is dependency-free.
 *
 * @param entry the entry relative to the folder: `./plugin/index.js` at the checkout root,
 *   `./index.js` inside a plugin folder.
 */
export function pluginPackageJson(entry: string): Record<string, unknown> {
  return {
    name: PLUGIN_ID,
    version: VERSION,
    private: true,
    description: PLUGIN_DESCRIPTION,
    license: "MIT",
    type: "module",
    openclaw: { extensions: [entry] },
  };
}
