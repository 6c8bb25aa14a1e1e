import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ROOT } from "../../_helpers/cli.ts";
import { openclawConfig } from "../../../scripts/openclaw/_openclaw_run.mjs";
import { enginePids, killEngines } from "./engine_processes.ts";
import {
  type FakeModel,
  type FakeModelScript,
  type ModelRequest,
  startFakeModel,
  userTexts,
} from "./fake_model.ts";
import { openClawRuntime } from "./runtime.ts";

/** How the harness sets OpenClaw up. */
export interface HarnessOptions {
  /** The plugin folder OpenClaw loads; default: the checkout's `plugin/`. */
  readonly pluginDir?: string;
  /**
   * `plugins.entries.lshml.config`; `engine.home` defaults to the harness's own lshml home.
   * For example `{ engine: { args: ["--echo"] } }` runs the bridge-test handler.
   */
  readonly pluginConfig?: Record<string, unknown>;
  /** The fake model server's rules (scripts/openclaw/fake_model_server.mjs). */
  readonly script?: FakeModelScript;
  /**
   * "load-paths" writes `plugins.load.paths` directly (DESIGN §9); "link-command" runs
   * `openclaw plugins install --link DIR --force --accept-capabilities` first, as a user does;
   * "none" leaves lshml out (a test installs it, e.g. with `lshml plugin install --yes`).
   */
  readonly install?: "load-paths" | "link-command" | "none";
}

/** What one `openclaw agent --local` turn did. */
export interface TurnResult {
  readonly code: number;
  /** The assistant's reply text (`payloads[].text` joined). */
  readonly reply: string;
  /** OpenClaw's `--json` output, or null. */
  readonly json: unknown;
  readonly stderr: string;
  readonly wallMs: number;
  /** The chat-completion requests this turn sent to the fake model server. */
  readonly requests: readonly ModelRequest[];
  /**
   * This turn's user message as the model got it in the turn's first request (the last
   * user message: earlier ones are history), with what plugins prepended.
   */
  readonly userText: string;
  /** The time the lshml bridge added to this run, from its `bridge time this run` line. */
  readonly bridgeMs: number | undefined;
}

/** A real OpenClaw in temporary directories, with lshml installed and a fake model server. */
export interface OpenClawHarness {
  readonly dirs: {
    readonly root: string;
    /** OPENCLAW_HOME (and HOME) of the OpenClaw processes. */
    readonly home: string;
    /** OpenClaw's state dir: `<home>/.openclaw` (openclaw.json, agents/, …). */
    readonly state: string;
    /** The lshml home the engine uses (`engine.home`). */
    readonly lshmlHome: string;
    readonly logFile: string;
    /** Holds an `openclaw` command that runs this OpenClaw (first on `env.PATH`). */
    readonly bin: string;
  };
  /** The environment OpenClaw runs in; `PATH` finds this harness's `openclaw` first. */
  readonly env: Readonly<Record<string, string>>;
  readonly model: FakeModel;
  /**
   * Runs one agent turn. `onModelRequest(n)` is called as the n-th model request of the
   * turn arrives (polled every 50 ms), e.g. to kill the engine mid-turn.
   */
  runTurn(
    message: string,
    options?: { session?: string; onModelRequest?: (n: number, request: ModelRequest) => void },
  ): Promise<TurnResult>;
  /** Runs any `openclaw …` command in the harness's environment. */
  openclaw(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** OpenClaw's log file plus the stderr of every command run so far, colours removed. */
  readLogs(): string;
  /** The pids of this harness's running engines. */
  enginePids(): number[];
  /** SIGKILLs the running engine; returns its pid (throws when none runs). */
  killEngine(): number;
  close(): Promise<void>;
}

/** SGR colour codes (built from the char code: lint forbids control characters in regexes). */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

const DEFAULT_SCRIPT: FakeModelScript = { default: { text: "Fake reply." } };

function pluginsSection(options: HarnessOptions, lshmlHome: string, pluginDir: string) {
  const config = { ...options.pluginConfig };
  config.engine = { home: lshmlHome, ...(config.engine as Record<string, unknown> | undefined) };
  const entry = { enabled: true, hooks: { allowConversationAccess: true }, config };
  return {
    ...(options.install === "link-command" ? {} : { load: { paths: [pluginDir] } }),
    allow: ["lshml"],
    entries: { lshml: entry },
  };
}

/**
 * Sets up a real OpenClaw (Node 24 + openclaw@2026.9 from `.ci/setup.d/openclaw.sh`) under a
 * temporary OPENCLAW_HOME, with the fake model server as its only provider and lshml's plugin
 * installed, allowed and granted conversation access.
 *
 * @example
 * ```ts
 * const oc = await startOpenClawHarness({ pluginConfig: { engine: { args: ["--echo"] } } });
 * const turn = await oc.runTurn("hello");
 * turn.userText; // "[Sat … UTC] <lshml-memories …>…</lshml-memories>\n\nhello…"
 * await oc.close();
 * ```
 */
export async function startOpenClawHarness(options: HarnessOptions = {}): Promise<OpenClawHarness> {
  const runtime = await openClawRuntime();
  const root = Deno.makeTempDirSync({ prefix: "lshml-openclaw-e2e-" });
  const home = join(root, "home");
  const state = join(home, ".openclaw");
  const cwd = join(root, "cwd");
  const tmp = join(root, "tmp");
  const lshmlHome = join(root, "lshml-home");
  const logFile = join(root, "openclaw.log");
  const bin = join(root, "bin");
  for (const dir of [state, cwd, tmp, lshmlHome, bin]) mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(bin, "openclaw"),
    `#!/bin/sh\nexec '${runtime.node}' '${runtime.entry}' "$@"\n`,
  );
  chmodSync(join(bin, "openclaw"), 0o755);
  const model = await startFakeModel(runtime.node, root, options.script ?? DEFAULT_SCRIPT);
  const pluginDir = options.pluginDir ?? join(ROOT, "plugin");
  const env: Record<string, string> = {
    PATH: [
      bin,
      dirname(runtime.node),
      dirname(Deno.execPath()),
      "/usr/local/bin",
      "/usr/bin",
      "/bin",
    ]
      .join(":"),
    HOME: home,
    OPENCLAW_HOME: home,
    TMPDIR: tmp,
    TZ: "UTC",
    LANG: "C.UTF-8",
    NO_COLOR: "1",
    // The engine's Deno reuses this process's module cache (HOME moved).
    DENO_DIR: Deno.env.get("DENO_DIR") ?? join(Deno.env.get("HOME") ?? "/root", ".cache", "deno"),
  };
  const stderrs: string[] = [];
  const openclaw = async (args: readonly string[]) => {
    const output = await new Deno.Command(runtime.node, {
      args: [runtime.entry, ...args],
      cwd,
      env,
      clearEnv: true,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const decoder = new TextDecoder();
    const stderr = decoder.decode(output.stderr).replace(ANSI, "");
    stderrs.push(stderr);
    return { code: output.code, stdout: decoder.decode(output.stdout), stderr };
  };

  const configPath = join(state, "openclaw.json");
  const plugins = pluginsSection(options, lshmlHome, pluginDir);
  if (options.install === "none") {
    writeFileSync(configPath, JSON.stringify(openclawConfig({ port: model.port, logFile })));
  } else if (options.install === "link-command") {
    writeFileSync(configPath, JSON.stringify(openclawConfig({ port: model.port, logFile })));
    const linked = await openclaw([
      "plugins",
      "install",
      "--link",
      pluginDir,
      "--force",
      "--accept-capabilities",
    ]);
    if (linked.code !== 0) throw new Error(`plugins install --link failed:\n${linked.stderr}`);
    // Configure only after linking: OpenClaw records a pending upgrade for an unknown entry.
    const config = JSON.parse(readFileSync(configPath, "utf8"));
    config.plugins = { ...config.plugins, allow: plugins.allow, entries: plugins.entries };
    writeFileSync(configPath, JSON.stringify(config, null, 2));
  } else {
    writeFileSync(
      configPath,
      JSON.stringify(openclawConfig({ port: model.port, logFile, plugins }), null, 2),
    );
  }

  const runTurn: OpenClawHarness["runTurn"] = async (message, turn = {}) => {
    const before = model.completions().length;
    const started = performance.now();
    let seen = 0;
    let done = false;
    const args = ["agent", "--local", "--agent", "main", "--message", message, "--json"];
    if (turn.session) args.push("--session-key", turn.session);
    const running = openclaw([...args, "--timeout", "300"]).finally(() => {
      done = true;
    });
    while (!done) {
      const mine = model.completions().slice(before);
      for (; seen < mine.length; seen++) {
        turn.onModelRequest?.(seen + 1, mine[seen] as ModelRequest);
      }
      await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 50))]);
    }
    const result = await running;
    const requests = model.completions().slice(before);
    let json: unknown = null;
    try {
      json = JSON.parse(result.stdout);
    } catch {
      json = null; // a failed turn may print nothing parseable; code and stderr tell why
    }
    const payloads = (json as { payloads?: { text?: string }[] } | null)?.payloads ?? [];
    const bridge = /lshml: bridge time this run: .*; total ([\d.]+) ms/.exec(result.stderr);
    return {
      code: result.code,
      reply: payloads.map((p) => p.text ?? "").join("\n"),
      json,
      stderr: result.stderr,
      wallMs: performance.now() - started,
      requests,
      userText: requests[0] ? (userTexts(requests[0]).at(-1) ?? "") : "",
      bridgeMs: bridge ? Number(bridge[1]) : undefined,
    };
  };

  return {
    dirs: { root, home, state, lshmlHome, logFile, bin },
    env,
    model,
    runTurn,
    openclaw,
    readLogs: () => {
      let file = "";
      try {
        file = readFileSync(logFile, "utf8");
      } catch {
        file = ""; // OpenClaw writes its log file only once it has something to say
      }
      return [file, ...stderrs].join("\n").replace(ANSI, "");
    },
    enginePids: () => enginePids(home),
    killEngine: () => {
      const [pid] = killEngines(home);
      if (pid === undefined) throw new Error("no lshml engine is running");
      return pid;
    },
    close: () => model.close(),
  };
}
