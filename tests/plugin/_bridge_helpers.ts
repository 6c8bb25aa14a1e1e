import { fileURLToPath } from "node:url";
import { Bridge } from "../../plugin/bridge.js";
import { VERSION } from "../../src/version.ts";

/** The checkout's root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const FAKE_ENGINE = fileURLToPath(new URL("./_fake_engine.ts", import.meta.url));

/** One line the plugin logged through `api.logger`. */
export interface Logged {
  readonly level: "debug" | "info" | "warn" | "error";
  readonly line: string;
}

/** An `api.logger` that remembers every line. */
export function recordingLogger() {
  const lines: Logged[] = [];
  const at = (level: Logged["level"]) => (line: string) => lines.push({ level, line });
  return {
    lines,
    logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") },
    text: () => lines.map((l) => `${l.level}: ${l.line}`).join("\n"),
    count: (level: Logged["level"], pattern: RegExp) =>
      lines.filter((l) => l.level === level && pattern.test(l.line)).length,
  };
}

/** `engine.command` that starts the fake engine in a mode. */
export function fakeEngine(mode: string, arg?: string): string[] {
  return [Deno.execPath(), "run", "--quiet", "-A", FAKE_ENGINE, mode, ...(arg ? [arg] : [])];
}

/** A bridge configured with `engine` settings, logging into a recording logger. */
export function bridgeWith(
  engine: Record<string, unknown>,
  options: { rootDir?: string; env?: Record<string, string> } = {},
) {
  const log = recordingLogger();
  const bridge = new Bridge({ version: VERSION, env: options.env ?? Deno.env.toObject() });
  bridge.configure({ pluginConfig: { engine }, rootDir: options.rootDir, logger: log.logger });
  return { bridge, log };
}

/** Waits until `check` is true, polling every 20 ms, or fails after `ms`. */
export async function until(check: () => boolean, ms = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A before_prompt_build event and ctx like OpenClaw's. */
export const PROMPT_EVENT = { prompt: "why does the build fail?", messages: [] };
export const CTX = { sessionKey: "agent:main:main", runId: "run-1", trigger: "user" };
