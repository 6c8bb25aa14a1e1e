import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type EngineEnvironment,
  type HookHandlerDeps,
  type InitRequest,
  type Logger,
  openAgentEngine,
  PLUGIN_CONFIG_ORIGIN,
} from "../../src/agent_server/mod.ts";
import type { PermissionQuery } from "../../src/sandbox/mod.ts";

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** A permission query that grants reads and writes only inside `dirs`, and env. */
function grants(...dirs: string[]): PermissionQuery {
  return (kind, value) => {
    if (kind === "env") return Promise.resolve("granted");
    if ((kind === "read" || kind === "write") && value && dirs.some((d) => value.startsWith(d))) {
      return Promise.resolve("granted");
    }
    if (kind === "net" && value === "localhost:11434") return Promise.resolve("granted");
    return Promise.resolve("prompt");
  };
}

function environment(overrides: Partial<EngineEnvironment> = {}) {
  const created: HookHandlerDeps[] = [];
  const env: EngineEnvironment = {
    env: { HOME: "/home/tester" },
    cwd: "/tmp",
    checkoutDir: "/checkout",
    flags: [],
    query: undefined,
    invocation: {
      compiled: false,
      mainModule: "/checkout/main.ts",
      args: ["agent", "serve", "--stdio"],
    },
    factory: {
      label: "test",
      create: (deps) => {
        created.push(deps);
        return Promise.resolve({ handle: () => Promise.resolve(undefined) });
      },
    },
    now: () => new Date(0),
    ...overrides,
  };
  return { env, created };
}

const init = (config: Record<string, unknown>): InitRequest => ({
  id: 1,
  type: "init",
  config,
  version: "0.1.0",
});

describe("openAgentEngine()", () => {
  it("uses the plugin config's lshml settings as the config-file layer", async () => {
    const home = mkdtempSync(join(tmpdir(), "lshml-open-"));
    const { env, created } = environment();
    const start = await openAgentEngine(
      init({ runtime: { learnMode: "all" }, engine: { home, hookBudgetMs: 900 } }),
      silent,
      env,
    );
    expect(start).toMatchObject({ ok: true, info: { home, handler: "test" } });
    const deps = created[0] as HookHandlerDeps;
    expect(deps.effective.config.runtime.learnMode).toBe("all");
    expect(deps.effective.sources.get("runtime.learnMode")).toEqual({
      kind: "file",
      file: PLUGIN_CONFIG_ORIGIN,
    });
    expect(deps.home).toEqual({ dir: home, source: "flag" });
  });

  it("reads <home>/config.json when the plugin config has no lshml settings", async () => {
    const home = mkdtempSync(join(tmpdir(), "lshml-open-"));
    writeFileSync(join(home, "config.json"), JSON.stringify({ retrieval: { tau: 0.7 } }));
    const { env, created } = environment({ env: { HOME: "/home/tester", LSHML_HOME: home } });
    await openAgentEngine(init({}), silent, env);
    expect(created[0]?.effective.config.retrieval.tau).toBe(0.7);
    expect(created[0]?.home).toEqual({ dir: home, source: "env" });
  });

  it("lets --home win over the plugin's engine.home", async () => {
    const { env, created } = environment({ homeFlag: "/from-flag" });
    await openAgentEngine(init({ engine: { home: "/from-plugin" } }), silent, env);
    expect(created[0]?.home.dir).toBe("/from-flag");
  });

  it("refuses an invalid setting with CONFIG_INVALID naming key, value and origin", async () => {
    const { env } = environment();
    const start = await openAgentEngine(init({ runtime: { learnMode: "sometimes" } }), silent, env);
    expect(start.ok).toBe(false);
    if (start.ok) return;
    expect(start.error.code).toBe("CONFIG_INVALID");
    expect(start.error.message).toContain(
      `runtime.learnMode = "sometimes" (from file ${PLUGIN_CONFIG_ORIGIN})`,
    );
  });

  it("refuses an unknown engine key with CONFIG_INVALID", async () => {
    const { env } = environment();
    const start = await openAgentEngine(init({ engine: { hookBudget: 5 } }), silent, env);
    expect(start).toMatchObject({ ok: false, error: { code: "CONFIG_INVALID" } });
  });

  it("answers SANDBOX_MISSING with the complete flags the agent path needs", async () => {
    const home = mkdtempSync(join(tmpdir(), "lshml-open-"));
    const { env, created } = environment({
      query: grants("/checkout"),
      env: { HOME: "/home/tester", LSHML_HOME: home },
    });
    const start = await openAgentEngine(init({}), silent, env);
    expect(created).toHaveLength(0);
    expect(start).toMatchObject({
      ok: false,
      error: {
        code: "SANDBOX_MISSING",
        flags: [
          `--allow-read=${home},/checkout`,
          `--allow-write=${home}`,
          "--allow-net=localhost:11434",
          "--allow-env",
        ],
      },
    });
    if (!start.ok) expect(start.error.message).toContain(`read ${home}: to read lshml's data`);
  });

  it("asks for the OpenAI host only when a provider uses OpenAI", async () => {
    const home = mkdtempSync(join(tmpdir(), "lshml-open-"));
    const { env } = environment({ query: grants(home, "/checkout") });
    const start = await openAgentEngine(
      init({ embedding: { provider: "openai" }, engine: { home } }),
      silent,
      env,
    );
    expect(start).toMatchObject({ ok: false, error: { code: "SANDBOX_MISSING" } });
    if (!start.ok) {
      expect(start.error.flags).toContain("--allow-net=localhost:11434,api.openai.com:443");
    }
  });

  it("warns when the plugin and the engine versions differ", async () => {
    const warnings: string[] = [];
    const { env } = environment();
    await openAgentEngine({ ...init({}), version: "0.0.1" }, {
      ...silent,
      warn: (l) => void warnings.push(l),
    }, env);
    expect(warnings.join("\n")).toContain("the plugin is 0.0.1 but the engine is 0.1.0");
  });
});
