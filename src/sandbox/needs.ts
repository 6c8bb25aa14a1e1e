import { join } from "node:path";
import type { Config, Home } from "../config/mod.ts";
import { expandPath } from "../config/mod.ts";

/** Deno permission kinds lshml can need. */
export type PermissionKind = "read" | "write" | "net" | "env" | "run" | "sys";

/** What a permission is for; commands check only the purposes they use. */
export type Purpose =
  | "home"
  | "self"
  | "config"
  | "openclaw"
  | "dashboard"
  | "ollama"
  | "openai"
  | "remote"
  | "git"
  | "execute"
  | "loadavg";

/** One permission the effective configuration needs. */
export interface PermissionNeed {
  readonly kind: PermissionKind;
  /** A path, `host:port`, program or sys API; absent means all of that kind. */
  readonly value?: string;
  readonly purpose: Purpose;
  /** Why, in words a user understands. */
  readonly why: string;
}

/** What {@link requiredPermissions} looks at. */
export interface NeedsContext {
  readonly config: Config;
  readonly home: Home;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /**
   * The checkout lshml runs from, whose bundled files (samples, dashboard) it
   * reads; absent for a compiled binary, which embeds them.
   */
  readonly installDir?: string | undefined;
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** True for `localhost`, `127.x.x.x` and `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_NAMES.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * `http://localhost:11434/api` → `localhost:11434`, the form Deno's `--allow-net`
 * takes; the port defaults by scheme.
 */
export function hostPort(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === "https:" ? "443" : "80");
  return `${parsed.hostname}:${port}`;
}

function hostOf(url: string): string {
  return new URL(url).hostname;
}

function homeNeeds(home: Home): PermissionNeed[] {
  const read: PermissionNeed = {
    kind: "read",
    value: home.dir,
    purpose: "home",
    why: "read lshml's data and config.json",
  };
  // A checkout keeps its code beside its data: write only the data folders.
  const writable = home.source === "checkout"
    ? [join(home.dir, "memory"), join(home.dir, "assets", "gep")]
    : [home.dir];
  return [
    read,
    ...writable.map((value): PermissionNeed => ({
      kind: "write",
      value,
      purpose: "home",
      why: "write lshml's data files",
    })),
  ];
}

function usesProvider(config: Config, provider: "ollama" | "openai"): boolean {
  return config.embedding.provider === provider || config.reward.provider === provider ||
    config.experience.summarizer === provider;
}

function netNeeds(config: Config): PermissionNeed[] {
  const needs: PermissionNeed[] = [{
    kind: "net",
    value: `${config.dashboard.host}:${config.dashboard.port}`,
    purpose: "dashboard",
    why: "serve the dashboard",
  }];
  // A loopback Ollama is always allowed: it never leaves the machine, and it lets
  // `lshml doctor` tell whether Ollama is there before you switch a provider to it.
  if (usesProvider(config, "ollama") || isLoopbackHost(hostOf(config.ollama.url))) {
    needs.push({
      kind: "net",
      value: hostPort(config.ollama.url),
      purpose: "ollama",
      why: "talk to Ollama",
    });
  }
  if (usesProvider(config, "openai")) {
    for (const url of new Set(openaiUrls(config))) {
      needs.push({
        kind: "net",
        value: hostPort(url),
        purpose: "openai",
        why: "call the OpenAI API",
      });
    }
  }
  if (config.remote.enabled) {
    needs.push({
      kind: "net",
      value: hostPort(config.remote.baseUrl),
      purpose: "remote",
      why: "share memories with the hub",
    });
  }
  return needs;
}

function openaiUrls(config: Config): string[] {
  const base = config.openai.baseUrl;
  const urls: string[] = [];
  if (config.embedding.provider === "openai") urls.push(config.embedding.baseUrl ?? base);
  if (config.reward.provider === "openai") urls.push(config.reward.baseUrl ?? base);
  if (config.experience.summarizer === "openai") urls.push(config.experience.baseUrl ?? base);
  return urls;
}

/**
 * Execute mode: the executor, the checks and the canary may run, in a workspace
 * lshml may read and write. (Those programs run outside Deno's sandbox, as any
 * child process does; only the ones the configuration names may start.)
 */
function executeNeeds(context: NeedsContext): PermissionNeed[] {
  const { evolve } = context.config;
  if (evolve.mode !== "execute") return [];
  const programs = new Set(
    [evolve.executor, ...evolve.validate, ...evolve.canary].flatMap((cmd) => cmd?.[0] ?? []),
  );
  const needs: PermissionNeed[] = [...programs].map((program) => ({
    kind: "run",
    value: program,
    purpose: "execute",
    why: "run the executor and the workspace's checks",
  }));
  if (evolve.workspace) {
    const dir = expandPath(evolve.workspace, context);
    needs.push(
      { kind: "read", value: dir, purpose: "execute", why: "read the workspace" },
      { kind: "write", value: dir, purpose: "execute", why: "apply and roll back changes" },
    );
  }
  return needs;
}

/**
 * Every permission the effective configuration needs, and nothing more
 * (DESIGN §6.9): the home directory, the OpenClaw state directory (read only),
 * loopback for the dashboard and a local Ollama, remote hosts only when a
 * remote provider or sharing is switched on, `git` for solidify, and the load
 * average for `--loop`.
 *
 * @example
 * ```ts
 * const needs = requiredPermissions({ config, home, env: Deno.env.toObject(), cwd: Deno.cwd() });
 * needs.filter((n) => n.kind === "net"); // 127.0.0.1:8420, localhost:11434
 * ```
 */
export function requiredPermissions(context: NeedsContext): PermissionNeed[] {
  const { config, home, installDir } = context;
  const self: PermissionNeed[] = installDir && installDir !== home.dir
    ? [{ kind: "read", value: installDir, purpose: "self", why: "read lshml's bundled files" }]
    : [];
  return [
    ...homeNeeds(home),
    ...self,
    ...executeNeeds(context),
    {
      kind: "read",
      value: expandPath(config.openclaw.stateDir, context),
      purpose: "openclaw",
      why: "read OpenClaw transcripts",
    },
    ...netNeeds(config),
    { kind: "env", purpose: "config", why: "read settings from the environment" },
    { kind: "run", value: "git", purpose: "git", why: "measure and roll back evolutions" },
    { kind: "sys", value: "loadavg", purpose: "loadavg", why: "back off when the machine is busy" },
  ];
}
