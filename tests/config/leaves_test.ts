import { describe, expect, it } from "vitest";
import { configLeaves, derivedEnvName } from "../../src/config/mod.ts";

describe("configLeaves()", () => {
  it("documents every setting and gives each a unique environment variable", () => {
    const leaves = configLeaves();
    expect(leaves.length).toBeGreaterThan(50);
    for (const leaf of leaves) expect(leaf.meta.description.length).toBeGreaterThan(10);
    const envs = leaves.map((l) => l.env);
    expect(new Set(envs).size).toBe(envs.length);
  });

  it("keeps the first seed's environment variable names", () => {
    const env = Object.fromEntries(configLeaves().map((l) => [l.key, l.env]));
    expect(env).toMatchObject({
      "evolve.allowSelfModify": "EVOLVE_ALLOW_SELF_MODIFY",
      "evolve.loadMax": "EVOLVE_LOAD_MAX",
      "evolve.strategy": "EVOLVE_STRATEGY",
      "ollama.url": "OLLAMA_URL",
      "ollama.embedModel": "OLLAMA_EMBED_MODEL",
      "dashboard.port": "LSHML_DASHBOARD_PORT",
      "openai.apiKey": "OPENAI_API_KEY",
    });
  });

  it("derives LSHML_ names from camelCase keys", () => {
    expect(derivedEnvName("runtime.newIntentSimilarityThreshold")).toBe(
      "LSHML_RUNTIME_NEW_INTENT_SIMILARITY_THRESHOLD",
    );
  });

  it("marks API keys secret", () => {
    const secrets = configLeaves().filter((l) => l.meta.secret).map((l) => l.key);
    expect(secrets).toEqual(
      expect.arrayContaining(["openai.apiKey", "reward.apiKey", "experience.apiKey"]),
    );
  });
});
