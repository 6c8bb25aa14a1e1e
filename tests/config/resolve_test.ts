import { describe, expect, it } from "vitest";
import { ConfigError, resolveConfig } from "../../src/config/mod.ts";

function problemOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("resolveConfig()", () => {
  it("gives the seeds' defaults when nothing is set", () => {
    const { config, sources } = resolveConfig({ env: {} });
    expect(config.evolve).toMatchObject({
      allowSelfModify: false,
      loadMax: 2.0,
      strategy: "balanced",
      mode: "advise",
    });
    expect(config.ollama).toEqual({ url: "http://localhost:11434", embedModel: "llama3.2:3b" });
    expect(config.dashboard.port).toBe(8420);
    expect(config.runtime).toMatchObject({
      observeTurns: 0,
      minAbsReward: 0.15,
      minRewardConfidence: 0.55,
      learnMode: "balanced",
      noToolMinAbsReward: 0.8,
      noToolMinRewardConfidence: 0.9,
      newIntentSimilarityThreshold: 0.35,
      idleTurnsToClose: 2,
      pendingTtlMs: 300_000,
      maxTurnsPerTask: 5,
    });
    expect(config.retrieval).toEqual({
      k1: 5,
      k2: 3,
      delta: 0.15,
      tau: 0.85,
      lambda: 0.5,
      epsilon: 0.1,
    });
    expect(config.learning.alpha).toBe(0.3);
    expect(config.memory.maxEntries).toBe(200);
    expect(sources.get("evolve.strategy")).toEqual({ kind: "default" });
  });

  it("keeps remote sharing off by default, unlike the self-evolve seed", () => {
    expect(resolveConfig({ env: {} }).config.remote.enabled).toBe(false);
  });

  it("applies flags over env over file over defaults, and says where each came from", () => {
    const { config, sources } = resolveConfig({
      env: { EVOLVE_STRATEGY: "harden", LSHML_RETRIEVAL_TAU: "0.7" },
      file: {
        origin: "/h/config.json",
        value: { evolve: { strategy: "innovate", loadMax: 3 }, retrieval: { tau: 0.9 } },
      },
      flags: [{ key: "retrieval.tau", value: "0.6", flag: "--set retrieval.tau=0.6" }],
    });
    expect(config.evolve.loadMax).toBe(3);
    expect(sources.get("evolve.loadMax")).toEqual({ kind: "file", file: "/h/config.json" });
    expect(config.evolve.strategy).toBe("harden");
    expect(sources.get("evolve.strategy")).toEqual({ kind: "env", name: "EVOLVE_STRATEGY" });
    expect(config.retrieval.tau).toBe(0.6);
    expect(sources.get("retrieval.tau")).toEqual({ kind: "flag", flag: "--set retrieval.tau=0.6" });
  });

  it("never keeps a secret's value in the source it reports for a --set flag", () => {
    const secret = "sk-proj-abcdefghijklmnopqrstuvwx1234";
    const { config, sources } = resolveConfig({
      env: {},
      flags: [{ key: "openai.apiKey", value: secret, flag: `--set openai.apiKey=${secret}` }],
    });
    expect(config.openai.apiKey).toBe(secret);
    const shown = JSON.stringify(sources.get("openai.apiKey"));
    expect(shown).not.toContain(secret);
    expect(shown).toContain("--set openai.apiKey=[REDACTED]");
  });

  it("coerces environment strings by the setting's type", () => {
    const { config } = resolveConfig({
      env: {
        EVOLVE_ALLOW_SELF_MODIFY: "yes",
        LSHML_DASHBOARD_PORT: "9001",
        EVOLVE_LOAD_MAX: "1.5",
      },
    });
    expect(config.evolve.allowSelfModify).toBe(true);
    expect(config.dashboard.port).toBe(9001);
    expect(config.evolve.loadMax).toBe(1.5);
  });

  it("names the key, the value, its origin and what is allowed for an invalid enum", () => {
    const error = problemOf(() => resolveConfig({ env: { EVOLVE_STRATEGY: "fast" } }));
    expect(error.problems).toEqual([{
      key: "evolve.strategy",
      value: "fast",
      from: "env EVOLVE_STRATEGY",
      allowed:
        "one of balanced | innovate | harden | repair-only | early-stabilize | steady-state | auto",
    }]);
    expect(error.message).toContain('evolve.strategy = "fast" (from env EVOLVE_STRATEGY)');
  });

  it("rejects numbers out of range and non-numbers with the allowed range", () => {
    const error = problemOf(() =>
      resolveConfig({ env: { LSHML_RETRIEVAL_TAU: "1.5", LSHML_DASHBOARD_PORT: "http" } })
    );
    const byKey = Object.fromEntries(error.problems.map((p) => [p.key, p]));
    expect(byKey["retrieval.tau"]?.allowed).toBe("a number from -1 to 1");
    expect(byKey["dashboard.port"]).toMatchObject({
      value: "http",
      allowed: "a whole number from 1 to 65535",
    });
  });

  it("reports every problem at once, including unknown keys with a suggestion", () => {
    const error = problemOf(() =>
      resolveConfig({
        env: {},
        file: { origin: "c.json", value: { runtime: { learnmode: "all" }, nonsense: { a: 1 } } },
      })
    );
    expect(error.problems.map((p) => p.key)).toEqual(["runtime.learnmode", "nonsense"]);
    expect(error.problems[0]?.allowed).toContain("did you mean runtime.learnMode?");
  });

  it("rejects an unknown --set key", () => {
    const error = problemOf(() =>
      resolveConfig({ env: {}, flags: [{ key: "foo.bar", value: "1", flag: "--set foo.bar=1" }] })
    );
    expect(error.problems[0]).toMatchObject({ key: "foo.bar", from: "flag --set foo.bar=1" });
  });

  it("enforces k2 <= k1 across keys", () => {
    const error = problemOf(() =>
      resolveConfig({ env: { LSHML_RETRIEVAL_K1: "2", LSHML_RETRIEVAL_K2: "3" } })
    );
    expect(error.problems[0]).toMatchObject({ key: "retrieval.k2", value: 3 });
    expect(error.problems[0]?.allowed).toContain("retrieval.k1");
  });

  it("expands ${VAR} in config-file strings, as the self-evolve seed did", () => {
    const { config } = resolveConfig({
      env: { OPENAI_API_KEY: "sk-test" },
      file: { origin: "c.json", value: { reward: { apiKey: "${OPENAI_API_KEY}" } } },
    });
    expect(config.reward.apiKey).toBe("sk-test");
    const error = problemOf(() =>
      resolveConfig({
        env: {},
        file: { origin: "c.json", value: { reward: { apiKey: "${NOPE}" } } },
      })
    );
    expect(error.problems[0]?.allowed).toContain("NOPE");
  });

  it("warns about unknown LSHML_ variables but not about LSHML_HOME", () => {
    const { warnings } = resolveConfig({ env: { LSHML_HOME: "/x", LSHML_STRATGY: "y" } });
    expect(warnings).toEqual(["ignoring unknown environment variable LSHML_STRATGY"]);
  });

  it("treats an empty environment variable as unset", () => {
    expect(resolveConfig({ env: { EVOLVE_STRATEGY: "" } }).config.evolve.strategy).toBe("balanced");
  });
});

describe("the OpenClaw state directory", () => {
  it("follows OpenClaw: OPENCLAW_STATE_DIR, else $OPENCLAW_HOME/.openclaw, else ~/.openclaw", () => {
    expect(resolveConfig({ env: {} }).config.openclaw.stateDir).toBe("~/.openclaw");
    const home = resolveConfig({ env: { OPENCLAW_HOME: "/srv/oc/" } });
    expect(home.config.openclaw.stateDir).toBe("/srv/oc/.openclaw");
    expect(home.sources.get("openclaw.stateDir")).toEqual({ kind: "env", name: "OPENCLAW_HOME" });
    const both = resolveConfig({ env: { OPENCLAW_HOME: "/srv/oc", OPENCLAW_STATE_DIR: "/state" } });
    expect(both.config.openclaw.stateDir).toBe("/state");
  });
});

describe("command settings", () => {
  it("reads argv arrays from the environment as JSON and rejects shell strings", () => {
    const { config } = resolveConfig({
      env: { LSHML_EVOLVE_EXECUTOR: '["claude", "-p"]', LSHML_EVOLVE_VALIDATE: '[["npm","test"]]' },
    });
    expect(config.evolve.executor).toEqual(["claude", "-p"]);
    expect(config.evolve.validate).toEqual([["npm", "test"]]);
    const error = problemOf(() => resolveConfig({ env: { LSHML_EVOLVE_EXECUTOR: "claude -p" } }));
    expect(error.problems[0]).toMatchObject({
      key: "evolve.executor",
      value: "claude -p",
      allowed: 'a JSON array of arguments: ["claude","-p"]',
    });
  });
});
