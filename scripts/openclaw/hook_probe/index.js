/**
 * Test-only OpenClaw plugin: records the shape of every hook payload it sees so the
 * lshml bridge can be written against real data, and injects a marker through
 * `before_prompt_build` so a test can see it reach the model.
 *
 * Plain ESM, no dependencies. Config (plugins.entries.hook-probe.config):
 *   logFile  JSONL file to append to (required)
 *   marker   text injected as prependContext (default "HOOK-PROBE-MARKER")
 */
import { appendFileSync } from "node:fs";

/** Strings longer than this are cut so one record stays readable (system prompts are ~50 KB). */
const MAX_STRING = 400;
/** Arrays keep this many items from the end (the newest messages matter most). */
const MAX_ITEMS = 6;

function trim(value, depth = 0) {
  if (typeof value === "string") {
    return value.length > MAX_STRING
      ? `${value.slice(0, MAX_STRING)}…[${value.length} chars]`
      : value;
  }
  if (typeof value === "function") return "[function]";
  if (value === null || typeof value !== "object") return value;
  if (depth > 6) return "[depth]";
  if (Array.isArray(value)) {
    const items = value.slice(-MAX_ITEMS).map((v) => trim(v, depth + 1));
    return value.length > MAX_ITEMS
      ? [`…[${value.length - MAX_ITEMS} earlier items]`, ...items]
      : items;
  }
  if (value instanceof AbortSignal) return "[AbortSignal]";
  const out = {};
  for (const [k, v] of Object.entries(value)) out[k] = trim(v, depth + 1);
  return out;
}

function writer(logFile) {
  return (record) => {
    try {
      appendFileSync(
        logFile,
        JSON.stringify({ ts: new Date().toISOString(), pid: process.pid, ...record }) + "\n",
      );
    } catch (error) {
      // The probe must never break the agent it observes; stderr is enough for a test tool.
      process.stderr.write(`hook-probe: cannot write ${logFile}: ${error}\n`);
    }
  };
}

/**
 * OpenClaw evaluates this module afresh for each of its several loads per process, so
 * module-level state is per load; process-wide state has to live on globalThis.
 */
const MODULE_INSTANCE = Math.random().toString(36).slice(2, 8);
const PROCESS_STATE =
  (globalThis[Symbol.for("hook-probe.process")] ??= { loads: 0, apiDescribed: false });
PROCESS_STATE.loads += 1;

/** llm_input carries every tool schema; names are enough to see what was offered. */
function compact(hook, event) {
  if (hook === "llm_input" && Array.isArray(event?.tools)) {
    return { ...event, tools: event.tools.map((t) => t?.name ?? t?.function?.name ?? "?") };
  }
  return event;
}

const OBSERVED = [
  "llm_input",
  "llm_output",
  "agent_end",
  "before_tool_call",
  "after_tool_call",
  "session_start",
  "session_end",
  "model_call_started",
  "model_call_ended",
  "before_agent_reply",
];

export default {
  id: "hook-probe",
  name: "Hook probe",
  description: "Records OpenClaw hook payloads to a JSONL file and injects marker context.",
  register(api) {
    const config = api.pluginConfig ?? {};
    if (typeof config.logFile !== "string") {
      api.logger.warn(
        "hook-probe: plugins.entries.hook-probe.config.logFile is not set; probe disabled",
      );
      return;
    }
    const log = writer(config.logFile);
    const marker = typeof config.marker === "string" ? config.marker : "HOOK-PROBE-MARKER";
    const describe = !PROCESS_STATE.apiDescribed;
    PROCESS_STATE.apiDescribed = true;
    log({
      kind: "register",
      registrationMode: api.registrationMode,
      id: api.id,
      source: api.source,
      rootDir: api.rootDir,
      moduleInstance: MODULE_INSTANCE,
      processLoads: PROCESS_STATE.loads,
      moduleUrl: import.meta.url,
      ...(describe
        ? { apiKeys: Object.keys(api).sort(), loggerKeys: Object.keys(api.logger ?? {}).sort() }
        : {}),
      pluginConfig: config,
    });
    api.logger.info(`hook-probe: registered (mode=${api.registrationMode})`);
    api.on("before_prompt_build", (event, ctx) => {
      log({
        kind: "hook",
        hook: "before_prompt_build",
        eventKeys: Object.keys(event).sort(),
        ctxKeys: Object.keys(ctx ?? {}).sort(),
        event: trim(event),
        ctx: trim(ctx),
      });
      return {
        prependContext: `<hook-probe>${marker}</hook-probe>`,
        appendSystemContext: `HOOK-PROBE-SYSTEM ${marker}`,
      };
    });
    for (const hook of OBSERVED) {
      api.on(hook, (event, ctx) => {
        log({
          kind: "hook",
          hook,
          eventKeys: Object.keys(event ?? {}).sort(),
          ctxKeys: Object.keys(ctx ?? {}).sort(),
          event: trim(compact(hook, event)),
          ctx: trim(ctx),
        });
      });
    }
    api.registerService({
      id: "hook-probe-service",
      start: (ctx) => log({ kind: "service.start", ctxKeys: Object.keys(ctx ?? {}).sort() }),
      stop: () => log({ kind: "service.stop" }),
    });
  },
};
