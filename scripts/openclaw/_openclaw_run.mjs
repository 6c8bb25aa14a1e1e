/**
 * Shared helpers for the scripts that drive the real OpenClaw CLI (generate_fixtures.mjs,
 * probe_hooks.mjs): the openclaw.json they use, a clean child environment, and a
 * promise-based runner. Private to scripts/openclaw/.
 */
import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";

/** OpenClaw 2026.9.3+ refuses older Node (package.json engines: ">=24.16.0 <25 || >=26.1.0"). */
const MIN_NODE = [24, 16];

/** Throw unless this process is a Node that OpenClaw 2026.9 accepts. */
export function assertOpenClawNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    throw new RangeError(
      `OpenClaw 2026.9 needs Node >= ${
        MIN_NODE.join(".")
      }, this is ${process.version}; run install.sh`,
    );
  }
}

/**
 * The openclaw.json used by the scripts: one custom provider "fake" (DESIGN §9 shape)
 * pointing at the fake model server, no memory plugin, logs beside the run.
 * @param {{port: number, logFile: string, plugins?: object}} options `plugins` is merged in
 */
export function openclawConfig({ port, logFile, plugins = {} }) {
  return {
    agents: { defaults: { model: { primary: "fake/fake-model" } } },
    models: {
      mode: "merge",
      providers: {
        fake: {
          baseUrl: `http://127.0.0.1:${port}/v1`,
          apiKey: "fake-key-not-a-secret",
          api: "openai-completions",
          models: [{
            id: "fake-model",
            name: "Fake Model",
            reasoning: false,
            input: ["text"],
            cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
            contextWindow: 128000,
            maxTokens: 4096,
          }],
        },
      },
    },
    // The bundled memory plugin roughly doubles each one-shot turn (≈20 s → ≈11 s) and
    // does not change what the transcript store holds.
    plugins: { slots: { memory: "none" }, ...plugins },
    logging: { file: logFile },
  };
}

/**
 * A minimal environment for OpenClaw children: HOME and OPENCLAW_HOME point at `home`,
 * so the state dir is `<home>/.openclaw`; no provider keys or OPENCLAW_* leak in.
 */
export function cleanEnv({ home, tmp }) {
  return {
    PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: home,
    OPENCLAW_HOME: home,
    TMPDIR: tmp,
    TZ: "UTC",
    LANG: "C.UTF-8",
    NO_COLOR: "1",
  };
}

/**
 * Run `node openclaw.mjs …args` asynchronously (the fake model server lives in this
 * process's event loop, so a synchronous spawn would deadlock it).
 * @returns {Promise<{code: number|null, signal: string|null, wallMs: number, stdout: string, stderr: string, json: unknown}>}
 */
export function runOpenClaw(openclaw, args, { cwd, env }) {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [openclaw, ...args], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const stdout = Buffer.concat(out).toString("utf8");
      let json = null;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = null; // plain-text output, or a failure that printed nothing parseable
      }
      resolvePromise({
        code,
        signal,
        wallMs: Date.now() - started,
        stdout,
        stderr: Buffer.concat(err).toString("utf8"),
        json,
      });
    });
  });
}

/** argv for one `agent --local` turn; `session` is a bare session key or null for agent:main:main. */
export function agentTurnArgs(message, { session = null, timeoutSeconds = 300 } = {}) {
  return [
    "agent",
    "--local",
    "--agent",
    "main",
    ...(session ? ["--session-key", session] : []),
    "--message",
    message,
    "--json",
    "--timeout",
    String(timeoutSeconds),
  ];
}

/** Where OpenClaw keeps the per-agent database under a state dir. */
export const AGENT_DB = join("agents", "main", "agent", "openclaw-agent.sqlite");

/**
 * Strings that identify this machine or checkout, longest first, each with a neutral
 * stand-in: the OpenClaw and Node install paths, the checkout, the home directory, the
 * kernel release and the host name (only in the `"hostname":"…"` / `host=… ` forms
 * OpenClaw writes, since a short host name could occur in ordinary text).
 * @returns {[string, string][]}
 */
export function machineNeedles({ openclawEntry, repoRoot }) {
  const pairs = [];
  const add = (needle, replacement) => {
    if (needle && needle.length > 1 && needle !== "/" && !pairs.some(([n]) => n === needle)) {
      pairs.push([needle, replacement]);
    }
  };
  add(realpathSync(dirname(openclawEntry)), "/opt/openclaw/node_modules/openclaw");
  add(realpathSync(dirname(process.execPath)), "/opt/node/bin");
  add(repoRoot, "/src/lshml");
  add(realpathSync(repoRoot), "/src/lshml");
  add(os.homedir(), "/home/user");
  add(os.release(), "0.0.0-fixture");
  const host = os.hostname();
  add(`"hostname":"${host}"`, `"hostname":"fixture-host"`);
  add(`host=${host} `, "host=fixture-host ");
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

/** Replace every needle in `text` (see machineNeedles). */
export function scrubText(text, needles) {
  let out = text;
  for (const [needle, replacement] of needles) out = out.replaceAll(needle, replacement);
  return out;
}
