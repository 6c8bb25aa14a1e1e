#!/usr/bin/env node
/**
 * Verify OpenClaw's plugin contract with a real run: link scripts/openclaw/hook_probe
 * with `openclaw plugins install --link`, run agent turns, and record what each hook
 * received, whether the injected context reached the model, and what `install --link`
 * changed in openclaw.json. Output: tests/fixtures/openclaw/hooks/ (report.json +
 * probe-events.jsonl). Run with Node >= 24.16:
 *
 *   node24 probe_hooks.mjs --openclaw <…/openclaw.mjs> [--out DIR] [--work DIR] [--keep]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  agentTurnArgs,
  assertOpenClawNode,
  cleanEnv,
  machineNeedles,
  openclawConfig,
  runOpenClaw,
  scrubText,
} from "./_openclaw_run.mjs";
import { startFakeModelServer } from "./fake_model_server.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, "..", "..");
const PROBE_DIR = join(HERE, "hook_probe");
const MARKER = "LSHML-PROBE-7f3a";
/** SGR colour codes in CLI output (built from the char code: lint forbids \x1b in regex literals). */
const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

const SCRIPT = {
  rules: [
    {
      match: "probe: read the missing file",
      toolCall: { name: "read", arguments: { path: "missing/probe.txt" } },
      after: "The file is missing.",
    },
    {
      match: "probe: model error",
      httpError: { status: 400, message: "probe: invalid request", type: "invalid_request_error" },
    },
  ],
  default: { text: "Probe reply." },
};

function parseArgs(argv) {
  const opts = {
    out: join(REPO_ROOT, "tests", "fixtures", "openclaw", "hooks"),
    work: "/tmp/lshml-openclaw-probe",
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--openclaw") opts.openclaw = resolve(argv[++i]);
    else if (argv[i] === "--out") opts.out = resolve(argv[++i]);
    else if (argv[i] === "--work") opts.work = resolve(argv[++i]);
    else if (argv[i] === "--keep") opts.keep = true;
    else throw new TypeError(`unknown flag ${JSON.stringify(argv[i])}`);
  }
  if (!opts.openclaw || !existsSync(opts.openclaw)) {
    throw new TypeError(`--openclaw must name openclaw.mjs (got ${JSON.stringify(opts.openclaw)})`);
  }
  return opts;
}

const readJson = (p) => JSON.parse(readFileSync(p, "utf8"));
const readJsonl = (
  p,
) => (existsSync(p)
  ? readFileSync(p, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))
  : []);

/** Where the marker showed up in what OpenClaw sent to the model. */
function markerPlacement(requests) {
  return requests.filter((r) => r.path?.endsWith("/chat/completions")).map((r) => {
    const messages = r.body?.messages ?? [];
    const hits = messages.flatMap((m, i) => {
      const text = typeof m.content === "string"
        ? m.content
        : (m.content ?? []).map((p) => p.text ?? "").join("\n");
      if (!text.includes(MARKER)) return [];
      const at = text.indexOf(MARKER);
      return [{ index: i, role: m.role, excerpt: text.slice(Math.max(0, at - 120), at + 80) }];
    });
    return { messageCount: messages.length, hits };
  });
}

function summarize(events) {
  const hooks = {};
  for (const e of events.filter((x) => x.kind === "hook")) {
    const h = (hooks[e.hook] ??= { calls: 0, eventKeys: e.eventKeys, ctxKeys: e.ctxKeys });
    h.calls += 1;
  }
  const registers = events.filter((e) => e.kind === "register");
  return {
    registerCalls: registers.length,
    registerPids: [...new Set(registers.map((e) => e.pid))].length,
    registrationModes: [...new Set(registers.map((e) => e.registrationMode))],
    apiKeys: registers.find((e) => e.apiKeys)?.apiKeys,
    loggerKeys: registers.find((e) => e.loggerKeys)?.loggerKeys,
    serviceStarts: events.filter((e) => e.kind === "service.start").length,
    hooks,
  };
}

async function turnsWithProbe(
  { opts, env, cwd, stateDir, probeLog, label, entry, allow, withError = false },
) {
  const configPath = join(stateDir, "openclaw.json");
  const config = readJson(configPath);
  config.plugins.entries = { ...(config.plugins.entries ?? {}), "hook-probe": entry };
  if (allow) config.plugins.allow = allow;
  else delete config.plugins.allow;
  writeFileSync(configPath, JSON.stringify(config, null, 2) + "\n");
  rmSync(probeLog, { force: true });
  const messages = [`probe: plain turn (${label})`, `probe: read the missing file (${label})`];
  // A 400 is not retried, so this shows agent_end for a failed run without a 90 s wait.
  if (withError) messages.push(`probe: model error (${label})`);
  const turns = [];
  for (const message of messages) {
    const r = await runOpenClaw(
      opts.openclaw,
      agentTurnArgs(message, { session: `probe-${label}` }),
      { cwd, env },
    );
    turns.push({
      message,
      exitCode: r.code,
      wallMs: r.wallMs,
      stderrProbeLines: r.stderr.split("\n").filter((l) =>
        /hook-probe|conversation|blocked/i.test(l)
      ).slice(0, 10),
    });
  }
  const events = readJsonl(probeLog);
  return {
    label,
    pluginEntry: entry,
    pluginsAllow: allow ?? null,
    turns,
    summary: summarize(events),
    events,
  };
}

async function main() {
  assertOpenClawNode();
  const opts = parseArgs(process.argv.slice(2));
  rmSync(opts.work, { recursive: true, force: true });
  const home = join(opts.work, "home");
  const stateDir = join(home, ".openclaw");
  const cwd = join(opts.work, "work");
  for (const d of [stateDir, cwd, join(opts.work, "tmp"), join(opts.work, "logs")]) {
    mkdirSync(d, { recursive: true });
  }
  const requestLog = join(opts.work, "model-requests.jsonl");
  const probeLog = join(opts.work, "probe-events.jsonl");
  const server = await startFakeModelServer({ port: 0, logFile: requestLog, script: SCRIPT });
  const env = cleanEnv({ home, tmp: join(opts.work, "tmp") });
  const configPath = join(stateDir, "openclaw.json");
  writeFileSync(
    configPath,
    JSON.stringify(
      openclawConfig({ port: server.port, logFile: join(opts.work, "logs", "openclaw.log") }),
      null,
      2,
    ) + "\n",
  );
  const report = {
    openclawVersion: readJson(join(dirname(opts.openclaw), "package.json")).version,
    node: process.version,
    marker: MARKER,
  };
  try {
    const before = readJson(configPath);
    // --force confirms a local (unreviewed) source non-interactively; without
    // --accept-capabilities the install is refused ("requires capability consent").
    const install = await runOpenClaw(opts.openclaw, [
      "plugins",
      "install",
      "--link",
      PROBE_DIR,
      "--force",
      "--accept-capabilities",
    ], { cwd, env });
    report.installLink = {
      command:
        "openclaw plugins install --link <scripts/openclaw/hook_probe> --force --accept-capabilities",
      exitCode: install.code,
      wallMs: install.wallMs,
      output: (install.stdout + install.stderr).replace(ANSI_COLOR, "").split("\n").filter((
        l,
      ) => /plugin|Linked|Saved|Installed|warning/i.test(l)).slice(-12),
      pluginsBefore: before.plugins,
      pluginsAfter: readJson(configPath).plugins,
    };
    if (install.code !== 0) {
      throw new Error(`plugins install --link failed:\n${install.stdout}\n${install.stderr}`);
    }

    const config = { logFile: probeLog, marker: MARKER };
    report.runs = [];
    report.runs.push(
      await turnsWithProbe({
        opts,
        env,
        cwd,
        stateDir,
        probeLog,
        label: "granted",
        entry: { enabled: true, hooks: { allowConversationAccess: true }, config },
        allow: ["hook-probe"],
        withError: true,
      }),
    );
    const inspect = await runOpenClaw(
      opts.openclaw,
      ["plugins", "inspect", "hook-probe", "--json"],
      { cwd, env },
    );
    report.inspect = { exitCode: inspect.code, json: inspect.json };
    report.runs.push(
      await turnsWithProbe({
        opts,
        env,
        cwd,
        stateDir,
        probeLog,
        label: "not-granted",
        entry: { enabled: true, config },
        allow: ["hook-probe"],
      }),
    );
  } finally {
    await server.close();
  }
  const requests = readJsonl(requestLog);
  report.markerReachedModel = markerPlacement(requests);
  mkdirSync(opts.out, { recursive: true });
  const events = report.runs.flatMap((r) => r.events.map((e) => ({ run: r.label, ...e })));
  for (const r of report.runs) delete r.events;
  const needles = machineNeedles({ openclawEntry: opts.openclaw, repoRoot: REPO_ROOT });
  writeFileSync(
    join(opts.out, "probe-events.jsonl"),
    scrubText(events.map((e) => JSON.stringify(e)).join("\n") + "\n", needles),
  );
  writeFileSync(
    join(opts.out, "report.json"),
    scrubText(JSON.stringify(report, null, 2) + "\n", needles),
  );
  if (!opts.keep) rmSync(opts.work, { recursive: true, force: true });
  process.stderr.write(`probe report written to ${opts.out}\n`);
}

await main().catch((error) => {
  process.stderr.write(`probe_hooks: ${error?.stack ?? error}\n`);
  process.exit(1);
});
