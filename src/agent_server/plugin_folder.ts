import { PLUGIN_ID, pluginManifest, pluginPackageJson } from "./plugin_manifest.ts";

/** The file beside the plugin entry that names its engine (read by plugin/engine_command.js). */
export const FOLDER_ENGINE_FILE = "lshml-engine.json";

/**
 * Which engine a written plugin folder runs: a `command` (a compiled lshml binary), or a
 * `checkout` run with `denoPath`; and the lshml `home` it uses.
 */
export type FolderEngine =
  | { readonly command: readonly string[]; readonly home: string }
  | { readonly checkout: string; readonly denoPath: string; readonly home: string };

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The files of a standalone plugin folder: the manifest, a package.json whose entry is
 * `./index.js`, the plugin's modules (`sources`, file name → text, from `plugin/*.js`), and
 * `lshml-engine.json` naming the engine.
 *
 * @example
 * ```ts
 * pluginFolderFiles({ "index.js": "…" }, { command: ["/usr/local/bin/lshml", "agent", "serve", "--stdio"], home: "/home/me/.lshml" });
 * // { "openclaw.plugin.json": "…", "package.json": "…", "index.js": "…", "lshml-engine.json": "…" }
 * ```
 */
export function pluginFolderFiles(
  sources: Readonly<Record<string, string>>,
  engine: FolderEngine,
): Record<string, string> {
  if (!sources["index.js"]) throw new RangeError("the plugin sources lack index.js");
  return {
    ...sources,
    "openclaw.plugin.json": json(pluginManifest()),
    "package.json": json(pluginPackageJson("./index.js")),
    [FOLDER_ENGINE_FILE]: json(engine),
  };
}

/**
 * The OpenClaw commands that link a plugin folder and let its hooks see the conversation
 * (verified against OpenClaw 2026.9.6): `plugins install --link` (`--force` confirms a local
 * source non-interactively, `--accept-capabilities` gives the consent it asks for) and
 * `config set …hooks.allowConversationAccess true`, without which OpenClaw silently drops
 * before_prompt_build, llm_output and agent_end for non-bundled plugins.
 */
export function linkCommands(dir: string): string[][] {
  return [
    ["openclaw", "plugins", "install", "--link", dir, "--force", "--accept-capabilities"],
    [
      "openclaw",
      "config",
      "set",
      `plugins.entries.${PLUGIN_ID}.hooks.allowConversationAccess`,
      "true",
      "--strict-json",
    ],
  ];
}
