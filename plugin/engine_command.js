// @ts-check
/**
 * Finds the lshml engine and builds the command line that starts it.
 *
 * In order: `engine.command` from the plugin config (verbatim, e.g. a compiled `lshml`
 * binary); the `command` of `lshml-engine.json` in the plugin folder (written by
 * `lshml plugin install`); else a checkout run with Deno: `engine.checkout`, the folder's
 * `checkout`, the plugin folder itself (when it is the checkout root) or its parent (when it
 * is the checkout's `plugin/` folder) — started as
 * `deno run --quiet --no-prompt -P --config <checkout>/deno.json <checkout>/main.ts agent serve --stdio`.
 * The plugin folder is `api.rootDir`: OpenClaw imports a temporary copy of the plugin, so
 * `import.meta.url` does not name the checkout.
 *
 * @module
 */
import { accessSync, constants, readFileSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join } from "node:path";

/** The file `lshml plugin install` writes beside the entry: which engine to run. */
export const FOLDER_ENGINE_FILE = "lshml-engine.json";

/**
 * @typedef {{ kind: "deno", deno: string, checkout: string }} DenoEngine
 * @typedef {{ kind: "command", argv: string[] }} CommandEngine
 * @typedef {{ kind: "missing", reason: string }} MissingEngine
 * @typedef {DenoEngine | CommandEngine | MissingEngine} EngineLocation
 * @typedef {{ command?: string[], checkout?: string, denoPath?: string, home?: string }} FolderDefaults
 */

/** @param {string} path */
function isFile(path) {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false; // absent or unreadable: not a candidate
  }
}

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false; // absent or not executable: keep looking
  }
}

/**
 * The engine defaults a plugin folder carries (`lshml-engine.json`), or `{}`.
 *
 * @param {string | undefined} rootDir the plugin folder (`api.rootDir`)
 * @returns {{ defaults: FolderDefaults, problem?: string }}
 */
export function readFolderDefaults(rootDir) {
  if (!rootDir) return { defaults: {} };
  const file = join(rootDir, FOLDER_ENGINE_FILE);
  if (!isFile(file)) return { defaults: {} };
  try {
    const value = JSON.parse(readFileSync(file, "utf8"));
    /** @type {FolderDefaults} */
    const defaults = {};
    if (
      Array.isArray(value?.command) &&
      value.command.every((/** @type {unknown} */ a) => typeof a === "string")
    ) {
      defaults.command = value.command;
    }
    for (const key of /** @type {const} */ (["checkout", "denoPath", "home"])) {
      if (typeof value?.[key] === "string" && value[key]) {
        defaults[key] = value[key];
      }
    }
    return { defaults };
  } catch (error) {
    return {
      defaults: {},
      problem: `cannot read ${file}: ${error instanceof Error ? error.message : error}`,
    };
  }
}

/**
 * The first executable `name` on PATH.
 *
 * @param {string} name
 * @param {Record<string, string | undefined>} env
 * @returns {string | undefined}
 */
export function findOnPath(name, env) {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** @param {string} dir */
const isCheckout = (dir) => isFile(join(dir, "main.ts")) && isFile(join(dir, "deno.json"));

/**
 * Where the engine is.
 *
 * @param {{ command?: string[] | undefined, checkout?: string | undefined, denoPath?: string | undefined }} settings plugin
 *   config `engine.*`, already merged over the folder defaults
 * @param {string | undefined} rootDir the plugin folder
 * @param {Record<string, string | undefined>} env
 * @returns {EngineLocation}
 */
export function locateEngine(settings, rootDir, env) {
  if (settings.command) return { kind: "command", argv: [...settings.command] };
  const checkout = settings.checkout ??
    [rootDir, rootDir && dirname(rootDir)].find((dir) => dir && isCheckout(dir));
  if (!checkout) {
    return {
      kind: "missing",
      reason:
        `no lshml checkout (main.ts + deno.json) at or above ${rootDir ?? "(unknown folder)"}; ` +
        "set plugins.entries.lshml.config.engine.command (e.g. the lshml binary) or engine.checkout",
    };
  }
  const home = env.HOME ? join(env.HOME, ".deno", "bin", "deno") : undefined;
  const deno = settings.denoPath ?? findOnPath("deno", env) ??
    (home && isExecutable(home) ? home : undefined);
  if (!deno) {
    return {
      kind: "missing",
      reason: "deno is not on PATH; install it (npm i -g deno) or set " +
        "plugins.entries.lshml.config.engine.denoPath",
    };
  }
  return { kind: "deno", deno, checkout };
}

/**
 * The argv that starts the engine.
 *
 * @param {EngineLocation} location a found engine (not "missing")
 * @param {readonly string[]} permissionFlags `-P` first; after a SANDBOX_MISSING answer,
 *   exactly the flags the engine asked for
 * @param {readonly string[]} args extra arguments (`engine.args`)
 * @returns {string[]}
 */
export function engineArgv(location, permissionFlags, args) {
  if (location.kind === "command") return [...location.argv, ...args];
  if (location.kind === "missing") {
    throw new TypeError(`no engine: ${location.reason}`);
  }
  const { deno, checkout } = location;
  return [
    deno,
    "run",
    "--quiet",
    "--no-prompt",
    ...permissionFlags,
    "--config",
    join(checkout, "deno.json"),
    join(checkout, "main.ts"),
    "agent",
    "serve",
    "--stdio",
    ...args,
  ];
}
