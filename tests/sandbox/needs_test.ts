import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/mod.ts";
import type { Home } from "../../src/config/mod.ts";
import {
  denoFlags,
  inspectSandbox,
  isLoopbackHost,
  type PermissionQuery,
  requiredPermissions,
} from "../../src/sandbox/mod.ts";

const env = { HOME: "/home/me" };
const checkout: Home = { dir: "/src/lshml", source: "checkout" };
const needsOf = (extra: Record<string, string> = {}, home: Home = checkout) =>
  requiredPermissions({
    config: resolveConfig({ env: { ...env, ...extra } }).config,
    home,
    env,
    cwd: "/",
  });

describe("requiredPermissions()", () => {
  it("needs only loopback hosts with the default configuration", () => {
    const needs = needsOf();
    const hosts = needs.filter((n) => n.kind === "net").map((n) => n.value);
    expect(hosts).toEqual(["127.0.0.1:8420", "localhost:11434"]);
    expect(hosts.every((h) => isLoopbackHost((h as string).replace(/:\d+$/, "")))).toBe(true);
  });

  it("lets a checkout home write only its data folders, never its code", () => {
    const writes = needsOf().filter((n) => n.kind === "write").map((n) => n.value);
    expect(writes).toEqual(["/src/lshml/memory", "/src/lshml/assets/gep"]);
    const other = needsOf({}, { dir: "/data/lshml", source: "env" });
    expect(other.filter((n) => n.kind === "write").map((n) => n.value)).toEqual(["/data/lshml"]);
  });

  it("reads the OpenClaw state directory, expanded", () => {
    const reads = needsOf({ OPENCLAW_STATE_DIR: "~/oc" }).filter((n) => n.kind === "read");
    expect(reads.map((n) => n.value)).toEqual(["/src/lshml", "/home/me/oc"]);
  });

  it("adds the OpenAI host only when a provider uses OpenAI", () => {
    expect(needsOf().some((n) => n.purpose === "openai")).toBe(false);
    const needs = needsOf({ LSHML_REWARD_PROVIDER: "openai" });
    expect(needs.filter((n) => n.purpose === "openai").map((n) => n.value)).toEqual([
      "api.openai.com:443",
    ]);
  });

  it("adds the hub host only when remote sharing is enabled", () => {
    expect(needsOf().some((n) => n.purpose === "remote")).toBe(false);
    const needs = needsOf({
      LSHML_REMOTE_ENABLED: "true",
      LSHML_REMOTE_BASE_URL: "https://hub.team.example:9443/v1",
    });
    expect(needs.find((n) => n.purpose === "remote")?.value).toBe("hub.team.example:9443");
  });

  it("does not reach a remote Ollama unless a provider uses it", () => {
    expect(needsOf({ OLLAMA_URL: "http://gpu-box:11434" }).some((n) => n.purpose === "ollama"))
      .toBe(false);
    const used = needsOf({
      OLLAMA_URL: "http://gpu-box:11434",
      LSHML_EMBEDDING_PROVIDER: "ollama",
    });
    expect(used.find((n) => n.purpose === "ollama")?.value).toBe("gpu-box:11434");
  });
});

describe("denoFlags()", () => {
  it("lists every value of a kind in one flag, since a flag replaces -P's list", () => {
    expect(denoFlags(needsOf())).toEqual([
      "--allow-read=/src/lshml,/home/me/.openclaw",
      "--allow-write=/src/lshml/memory,/src/lshml/assets/gep",
      "--allow-net=127.0.0.1:8420,localhost:11434",
      "--allow-env",
      "--allow-run=git",
      "--allow-sys=loadavg",
    ]);
  });
});

describe("inspectSandbox()", () => {
  const needs = needsOf();
  const exactly: PermissionQuery = (kind, value) => {
    const hit = needs.some((n) =>
      n.kind === kind &&
      (n.value === undefined || (value !== undefined && value.startsWith(n.value)))
    );
    return Promise.resolve(hit ? "granted" : "prompt");
  };

  it("calls exactly-granted needs local-only with nothing missing or wider", async () => {
    const report = await inspectSandbox(needs, checkout, exactly);
    expect(report).toMatchObject({ network: "local-only", missing: [], wider: [] });
  });

  it("calls -A unrestricted and lists what is wider than needed", async () => {
    const report = await inspectSandbox(needs, checkout, () => Promise.resolve("granted"));
    expect(report.network).toBe("unrestricted");
    expect(report.wider).toEqual(expect.arrayContaining([
      "network access to any host",
      "read access to every file",
      "write access to every file",
      "may run any program",
    ]));
  });

  it("reports what is missing", async () => {
    const none: PermissionQuery = () => Promise.resolve("prompt");
    const report = await inspectSandbox(needs, checkout, none);
    expect(report.missing).toHaveLength(needs.length);
  });
});

describe("execute mode's needs", () => {
  it("lets exactly the configured executor and checks run, in the workspace", () => {
    const needs = needsOf({
      LSHML_EVOLVE_MODE: "execute",
      LSHML_EVOLVE_EXECUTOR: '["claude","-p"]',
      LSHML_EVOLVE_WORKSPACE: "/work/app",
      LSHML_EVOLVE_VALIDATE: '[["npm","test"],["npm","run","lint"]]',
    });
    const execute = needs.filter((n) => n.purpose === "execute").map((n) => `${n.kind} ${n.value}`);
    expect(execute).toEqual(["run claude", "run npm", "read /work/app", "write /work/app"]);
  });
});
