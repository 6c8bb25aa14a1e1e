/**
 * The engine side of the OpenClaw bridge (DESIGN §6.7): the newline-delimited JSON protocol
 * spoken over stdio with the plugin in `plugin/`, the serve loop, the `HookHandler` boundary
 * the AgentHost plugs into, the start-up checks (configuration, Deno sandbox), and the
 * plugin's manifest. Runtime-neutral: streams, clocks and permission queries come in as
 * parameters; `lshml agent serve --stdio` wires them to the process.
 *
 * @module
 */
export {
  ErrorCodeSchema,
  FORWARDED_HOOKS,
  HookRequestSchema,
  InitRequestSchema,
  LogLevelSchema,
  LogMessageSchema,
  MAX_LINE_BYTES,
  ProtocolErrorSchema,
  RequestIdSchema,
  RequestSchema,
  ResponseSchema,
  TrimmedSchema,
} from "./protocol.ts";
export type {
  EngineMessage,
  ErrorCode,
  HookName,
  HookRequest,
  InitRequest,
  LogLevel,
  LogMessage,
  ProtocolError,
  Request,
  RequestId,
  Response,
} from "./protocol.ts";
export type {
  HookHandler,
  HookHandlerDeps,
  HookHandlerFactory,
  LogEntry,
  Logger,
} from "./hook_handler.ts";
export { readLines } from "./read_lines.ts";
export type { LineEvent } from "./read_lines.ts";
export { serveStdio } from "./serve_stdio.ts";
export type { EngineStart, ServeStdioOptions, ServeSummary } from "./serve_stdio.ts";
export { AGENT_PURPOSES, openAgentEngine, PLUGIN_CONFIG_ORIGIN } from "./open_engine.ts";
export type { EngineEnvironment } from "./open_engine.ts";
export { ENGINE_SECTION, EngineSettingsSchema } from "./engine_settings.ts";
export type { EngineSettings } from "./engine_settings.ts";
export { ECHO_SOURCE, echoHandlerFactory } from "./echo_handler.ts";
export { pluginConfigSchema, SECTION_HELP } from "./plugin_config_schema.ts";
export type { JsonSchema } from "./plugin_config_schema.ts";
export { labelOf, pluginUiHints } from "./plugin_ui_hints.ts";
export type { UiHint } from "./plugin_ui_hints.ts";
export {
  PLUGIN_DESCRIPTION,
  PLUGIN_ID,
  pluginManifest,
  pluginPackageJson,
} from "./plugin_manifest.ts";
export type { PluginManifest } from "./plugin_manifest.ts";
export { FOLDER_ENGINE_FILE, linkCommands, pluginFolderFiles } from "./plugin_folder.ts";
export type { FolderEngine } from "./plugin_folder.ts";
