// @ts-check
/**
 * The plugin's own settings (`plugins.entries.lshml.config.engine`), validated here because
 * the plugin has no dependencies. Same keys and defaults as `EngineSettingsSchema` in
 * src/agent_server/engine_settings.ts (a test compares them); OpenClaw also validates them
 * against the manifest's JSON Schema before the plugin loads.
 *
 * @module
 */

/**
 * @typedef {object} EngineSettings
 * @property {string[] | undefined} command argv that starts the engine
 * @property {string | undefined} denoPath deno binary for a checkout engine
 * @property {string | undefined} checkout lshml checkout (folder of main.ts)
 * @property {string | undefined} home lshml home for the engine
 * @property {string[]} args extra arguments after `agent serve --stdio`
 * @property {number} hookBudgetMs how long before_prompt_build may wait (ms)
 * @property {number} maxRestarts restarts after crashes before giving up
 */

/** Defaults of the settings that have one. */
export const ENGINE_DEFAULTS = Object.freeze({
  args: [],
  hookBudgetMs: 1500,
  maxRestarts: 8,
});

/** Every key of the `engine` section. */
export const ENGINE_KEYS = Object.freeze([
  "command",
  "denoPath",
  "checkout",
  "home",
  "args",
  "hookBudgetMs",
  "maxRestarts",
]);

/** @param {unknown} value */
const isArgv = (value) =>
  Array.isArray(value) && value.length > 0 &&
  value.every((a) => typeof a === "string" && a.length > 0);

/** @param {unknown} value */
const isText = (value) => typeof value === "string" && value.length > 0;

/**
 * @param {unknown} value
 * @param {number} min
 * @param {number} max
 */
const isIntIn = (value, min, max) =>
  typeof value === "number" && Number.isInteger(value) && value >= min &&
  value <= max;

/**
 * Reads the `engine` section of the plugin config. An invalid value is replaced by its
 * default (or left unset) and reported, so a typo never stops the agent.
 *
 * @param {unknown} pluginConfig `api.pluginConfig`
 * @returns {{ settings: EngineSettings, problems: string[] }}
 * @example
 * readEngineSettings({ engine: { hookBudgetMs: 800 } }).settings.hookBudgetMs; // 800
 */
export function readEngineSettings(pluginConfig) {
  const section = typeof pluginConfig === "object" && pluginConfig !== null
    ? /** @type {Record<string, unknown>} */ (pluginConfig).engine
    : undefined;
  const raw = typeof section === "object" && section !== null
    ? /** @type {Record<string, unknown>} */ (section)
    : {};
  /** @type {string[]} */
  const problems = [];
  /**
   * @param {string} key
   * @param {(v: unknown) => boolean} ok
   * @param {string} expected
   * @param {unknown} fallback
   * @returns {unknown}
   */
  const pick = (key, ok, expected, fallback) => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (ok(value)) return value;
    problems.push(
      `engine.${key} = ${JSON.stringify(value)} is not ${expected}; using the default`,
    );
    return fallback;
  };
  for (const key of Object.keys(raw)) {
    if (!ENGINE_KEYS.includes(key)) {
      problems.push(`engine.${key} is not a setting; ignored`);
    }
  }
  const settings = {
    command: /** @type {string[] | undefined} */ (pick(
      "command",
      isArgv,
      "an argv array",
      undefined,
    )),
    denoPath: /** @type {string | undefined} */ (pick(
      "denoPath",
      isText,
      "a path",
      undefined,
    )),
    checkout: /** @type {string | undefined} */ (pick(
      "checkout",
      isText,
      "a path",
      undefined,
    )),
    home: /** @type {string | undefined} */ (pick(
      "home",
      isText,
      "a path",
      undefined,
    )),
    args: /** @type {string[]} */ (pick(
      "args",
      (v) => Array.isArray(v) && v.every((a) => typeof a === "string"),
      "an array of strings",
      [...ENGINE_DEFAULTS.args],
    )),
    hookBudgetMs: /** @type {number} */ (pick(
      "hookBudgetMs",
      (v) => isIntIn(v, 50, 60_000),
      "a whole number of ms from 50 to 60000",
      ENGINE_DEFAULTS.hookBudgetMs,
    )),
    maxRestarts: /** @type {number} */ (pick(
      "maxRestarts",
      (v) => isIntIn(v, 0, 100),
      "a whole number from 0 to 100",
      ENGINE_DEFAULTS.maxRestarts,
    )),
  };
  return { settings, problems };
}
