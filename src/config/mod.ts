/**
 * Configuration: one zod schema for every setting, and the loader that merges
 * defaults < config file < environment < flags while remembering where each
 * value came from.
 *
 * @module
 */
export { ConfigSchema } from "./schema.ts";
export type { Config } from "./schema.ts";
export type { SettingMeta } from "./setting.ts";
export { configLeaves, derivedEnvName, findLeaf } from "./leaves.ts";
export type { Leaf, LeafKind } from "./leaves.ts";
export { coerce, describeSource, resolveConfig } from "./resolve.ts";
export type { ConfigLayers, EffectiveConfig, FlagSetting, SettingSource } from "./resolve.ts";
export { ConfigError } from "./config_error.ts";
export type { ConfigProblem } from "./config_error.ts";
export {
  DEFAULT_HOME_NAME,
  describeHomeSource,
  expandPath,
  resolveHome,
  userHomeDir,
} from "./home.ts";
export type { Home, HomeInputs, HomeSource } from "./home.ts";
export { CONFIG_FILE_NAME, readConfigFile } from "./config_file.ts";
export type { ConfigFile } from "./config_file.ts";
