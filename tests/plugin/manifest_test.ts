import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENGINE_DEFAULTS, ENGINE_KEYS } from "../../plugin/plugin_config.js";
import { FORWARDED_HOOKS as PLUGIN_HOOKS } from "../../plugin/hooks.js";
import { staleFiles } from "../../scripts/plugin/build_manifest.ts";
import { configLeaves } from "../../src/config/mod.ts";
import {
  EngineSettingsSchema,
  FORWARDED_HOOKS,
  pluginManifest,
} from "../../src/agent_server/mod.ts";
import { VERSION } from "../../src/version.ts";
import { ROOT } from "./_bridge_helpers.ts";

const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));

describe("the plugin's manifest and package.json files", () => {
  it("are up to date (else: deno run -A scripts/plugin/build_manifest.ts --write)", () => {
    expect(staleFiles(ROOT)).toEqual([]);
  });

  it("declare every lshml setting in configSchema, with a uiHint, and no defaults", () => {
    const manifest = pluginManifest();
    const sections = manifest.configSchema.properties as Record<string, { properties: object }>;
    for (const leaf of configLeaves()) {
      const [section, name] = leaf.path;
      expect(Object.keys(sections[section]?.properties ?? {})).toContain(name);
      expect(manifest.uiHints[leaf.key]?.help).toContain(leaf.meta.description);
    }
    // OpenClaw applies schema defaults to the config it hands the plugin (applyDefaults).
    expect(JSON.stringify(manifest.configSchema)).not.toContain('"default"');
  });

  it("mark API keys sensitive", () => {
    const { uiHints } = pluginManifest();
    const secrets = configLeaves().filter((l) => l.meta.secret).map((l) => l.key);
    expect(secrets).toContain("openai.apiKey");
    for (const key of secrets) expect(uiHints[key]?.sensitive).toBe(true);
  });

  it("declare the plugin's own engine settings with the defaults plugin_config.js applies", () => {
    const { configSchema, uiHints } = pluginManifest();
    const engine = (configSchema.properties as Record<string, { properties: object }>).engine;
    expect(Object.keys(engine?.properties ?? {})).toEqual([...ENGINE_KEYS]);
    expect(Object.keys(EngineSettingsSchema.shape)).toEqual([...ENGINE_KEYS]);
    const defaults = EngineSettingsSchema.parse({});
    expect(defaults).toEqual(ENGINE_DEFAULTS);
    for (const key of ENGINE_KEYS) expect(uiHints[`engine.${key}`]?.label).toBeTruthy();
  });

  it("start the plugin at startup, as OpenClaw asks every plugin to", () => {
    expect(readJson("openclaw.plugin.json")).toMatchObject({
      id: "lshml",
      activation: { onStartup: true },
    });
  });

  it("carry the version of deno.json and src/version.ts", () => {
    expect(readJson("deno.json").version).toBe(VERSION);
    for (const path of ["package.json", "plugin/package.json", "openclaw.plugin.json"]) {
      expect(readJson(path).version).toBe(VERSION);
    }
  });

  it("point OpenClaw at the dependency-free entry, from the root and from plugin/", () => {
    expect(readJson("package.json")).toMatchObject({
      type: "module",
      openclaw: { extensions: ["./plugin/index.js"] },
    });
    expect(readJson("plugin/package.json").openclaw.extensions).toEqual(["./index.js"]);
    for (const path of ["package.json", "plugin/package.json"]) {
      expect(readJson(path).dependencies).toBeUndefined();
    }
    const modules = readdirSync(join(ROOT, "plugin")).filter((name) => name.endsWith(".js"));
    expect(modules).toContain("index.js");
    for (const file of modules) {
      const imports = readFileSync(join(ROOT, "plugin", file), "utf8").match(/from "[^"]+"/g) ?? [];
      for (const from of imports) expect(from).toMatch(/^from "(node:[a-z_/]+|\.\/[a-z_]+\.js)"$/);
    }
  });

  it("forward the same hooks on both sides of the bridge", () => {
    expect([...PLUGIN_HOOKS]).toEqual([...FORWARDED_HOOKS]);
  });
});
