#!/usr/bin/env node
/**
 * Generate REAL OpenClaw fixtures: run the real `openclaw agent --local` CLI against the
 * scriptable fake model server, then copy what OpenClaw wrote to disk into
 * tests/fixtures/openclaw/ (DESIGN §6.1, §9).
 *
 * Run with Node >= 24.16 (OpenClaw's own requirement); `generate_fixtures.sh` does the
 * installing and calls this. Usage:
 *
 *   node24 generate_fixtures.mjs --openclaw <…/node_modules/openclaw/openclaw.mjs>
 *        [--out tests/fixtures/openclaw] [--state-out samples/openclaw]
 *        [--work /tmp/lshml-openclaw-fixture] [--keep]
 *        [--only <scenario-id,…>]
 *
 * The work directory is a FIXED path under /tmp on purpose: OpenClaw stores absolute
 * workspace paths in its transcripts, and a fixed path keeps fixtures comparable between
 * runs and free of user names. It is deleted first and (unless --keep) afterwards.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import {
  AGENT_DB,
  agentTurnArgs,
  assertOpenClawNode,
  cleanEnv,
  machineNeedles,
  openclawConfig,
  runOpenClaw,
} from "./_openclaw_run.mjs";
import { dumpSchema } from "./dump_schema.mjs";
import { decodeTranscriptRow, exportLegacyJsonl } from "./export_legacy_jsonl.mjs";
import { startFakeModelServer } from "./fake_model_server.mjs";
import { fakeServerScript, SCENARIOS } from "./scenarios.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, "..", "..");
/** Per-turn deadline handed to OpenClaw; the 500 turn needs ~90 s of OpenClaw's own retries. */
const TURN_TIMEOUT_SECONDS = 300;
/** Page size for the copied database: most of its ~190 tables and indexes are empty, and
 * at OpenClaw's 4096-byte pages the empty schema alone costs ~700 KB. */
const FIXTURE_PAGE_SIZE = 1024;

function parseArgs(argv) {
  const opts = {
    out: join(REPO_ROOT, "tests", "fixtures", "openclaw"),
    // The store itself is the bundled sample (`lshml demo`, `lshml scan --source samples/openclaw`).
    stateOut: join(REPO_ROOT, "samples", "openclaw"),
    work: "/tmp/lshml-openclaw-fixture",
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--keep") opts.keep = true;
    else if (flag === "--openclaw") opts.openclaw = resolve(argv[++i]);
    else if (flag === "--out") opts.out = resolve(argv[++i]);
    else if (flag === "--state-out") opts.stateOut = resolve(argv[++i]);
    else if (flag === "--work") opts.work = resolve(argv[++i]);
    else if (flag === "--only") opts.only = new Set(argv[++i].split(","));
    else throw new TypeError(`unknown flag ${JSON.stringify(flag)}`);
  }
  if (!opts.openclaw || !existsSync(opts.openclaw)) {
    throw new TypeError(`--openclaw must name openclaw.mjs (got ${JSON.stringify(opts.openclaw)})`);
  }
  return opts;
}

function checkNode() {
  assertOpenClawNode();
  if (typeof zlib.zstdDecompressSync !== "function") {
    throw new Error("this Node has no zstd in node:zlib");
  }
}

function textColumns(db) {
  const out = [];
  for (
    const { name } of db.prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
    ).all()
  ) {
    let cols;
    try {
      cols = db.prepare(`select name, type from pragma_table_info('${name}')`).all();
    } catch {
      continue; // virtual-table modules we cannot introspect
    }
    for (const c of cols) if (/TEXT|^$/i.test(c.type)) out.push([name, c.name]);
  }
  return out;
}

/**
 * Copy the agent DB (WAL folded in, compact pages), replace machine strings outside the
 * transcript, and refuse if any remain anywhere — including inside compressed rows.
 */
function snapshotAgentDb(srcPath, destPath, needles) {
  const tmp = `${destPath}.tmp`;
  rmSync(tmp, { force: true });
  rmSync(destPath, { force: true });
  mkdirSync(dirname(destPath), { recursive: true });
  const src = new DatabaseSync(srcPath, { readOnly: true });
  src.exec(`vacuum into '${tmp.replaceAll("'", "''")}'`);
  src.close();
  const db = new DatabaseSync(tmp);
  const prunedTrajectoryRows = pruneTrajectory(db);
  const scrubbed = {};
  for (const [table, col] of textColumns(db)) {
    if (table === "transcript_events" || table.startsWith("session_transcript_fts")) continue;
    for (const [needle, replacement] of needles) {
      // Count first: FTS shadow tables refuse writes, so touch only tables that need it.
      const hits =
        db.prepare(`select count(*) n from "${table}" where instr("${col}", ?) > 0`).get(needle).n;
      if (hits === 0) continue;
      db.prepare(
        `update "${table}" set "${col}" = replace("${col}", ?, ?) where instr("${col}", ?) > 0`,
      )
        .run(needle, replacement, needle);
      scrubbed[`${table}.${col}`] = (scrubbed[`${table}.${col}`] ?? 0) + Number(hits);
    }
  }
  const leftovers = [];
  for (const [table, col] of textColumns(db)) {
    for (const [needle] of needles) {
      const n =
        db.prepare(`select count(*) n from "${table}" where instr("${col}", ?) > 0`).get(needle).n;
      if (n > 0) leftovers.push(`${table}.${col} contains ${JSON.stringify(needle)} (${n} rows)`);
    }
  }
  for (
    const row of db.prepare(
      "select session_id, seq, event_json, event_zstd, event_utf8_bytes from transcript_events where event_zstd is not null",
    ).all()
  ) {
    const text = decodeTranscriptRow(row);
    for (const [needle] of needles) {
      if (text.includes(needle)) {
        leftovers.push(
          `compressed transcript row ${row.session_id}#${row.seq} contains ${
            JSON.stringify(needle)
          }`,
        );
      }
    }
  }
  if (leftovers.length > 0) {
    throw new Error(
      `machine-identifying strings left in the fixture DB:\n  ${leftovers.join("\n  ")}`,
    );
  }
  db.exec(`pragma page_size = ${FIXTURE_PAGE_SIZE}; vacuum;`);
  const check = db.prepare("pragma integrity_check").get();
  db.close();
  if (Object.values(check)[0] !== "ok") {
    throw new Error(`integrity_check failed: ${JSON.stringify(check)}`);
  }
  cpSync(tmp, destPath);
  rmSync(tmp);
  return { scrubbed, prunedTrajectoryRows };
}

/**
 * `trajectory_runtime_events` is OpenClaw's per-run diagnostic trace (compiled context,
 * prompt, model/tool timings: ~27 KB per run), not the transcript. Keep one complete run
 * that used a tool, as a sample of the table's real shape, and drop the rest.
 */
function pruneTrajectory(db) {
  const sample = db.prepare(
    "select run_id from trajectory_runtime_events where json_extract(event_json, '$.type') = 'tool.call' order by created_at limit 1",
  ).get();
  if (!sample) return 0;
  return Number(
    db.prepare("delete from trajectory_runtime_events where run_id is not ?").run(sample.run_id)
      .changes,
  );
}

/** Facts the fixture must contain; generation fails if OpenClaw stopped producing one. */
function verifyFixture(dbPath) {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  const events = db.prepare(
    "select session_id, seq, event_json, event_zstd, event_utf8_bytes from transcript_events order by session_id, seq",
  ).all()
    .map((r) => ({
      sessionId: r.session_id,
      seq: r.seq,
      compressed: r.event_json === null,
      event: JSON.parse(decodeTranscriptRow(r)),
    }));
  db.close();
  const msgs = events.filter((e) => e.event.type === "message").map((e) => ({
    ...e,
    m: e.event.message,
  }));
  const toolResults = msgs.filter((e) => e.m.role === "toolResult");
  const text = (
    m,
  ) => (typeof m.content === "string"
    ? m.content
    : (m.content ?? []).map((p) => p.text ?? "").join("\n"));
  const execArgs = msgs.filter((e) => e.m.role === "assistant").flatMap((e) =>
    (e.m.content ?? []).filter((p) => p.type === "toolCall")
  )
    .map((p) => JSON.stringify([p.name, p.arguments]));
  const repeats = Math.max(
    0,
    ...Object.values(execArgs.reduce((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {})),
  );
  const facts = {
    sessions: new Set(events.map((e) => e.sessionId)).size,
    events: events.length,
    compressedRows: events.filter((e) => e.compressed).length,
    compressedToolResults:
      events.filter((e) => e.compressed && e.event.message?.role === "toolResult").length,
    compressedAssistant:
      events.filter((e) => e.compressed && e.event.message?.role === "assistant").length,
    userMessages: msgs.filter((e) => e.m.role === "user").length,
    toolResultsIsErrorTrue: toolResults.filter((e) => e.m.isError === true).length,
    toolResultsIsErrorFalseMentioningError:
      toolResults.filter((e) =>
        e.m.isError === false && /ENOENT|No such file|exited with code/i.test(text(e.m))
      ).length,
    assistantStopReasonError:
      msgs.filter((e) => e.m.role === "assistant" && e.m.stopReason === "error").length,
    maxIdenticalToolCalls: repeats,
  };
  const problems = [];
  if (facts.compressedToolResults < 1) problems.push("no compressed tool result");
  if (facts.compressedAssistant < 1) problems.push("no compressed assistant message");
  if (facts.toolResultsIsErrorTrue < 1) problems.push("no tool result with isError:true");
  if (facts.toolResultsIsErrorFalseMentioningError < 1) {
    problems.push("no isError:false result mentioning an error");
  }
  if (facts.assistantStopReasonError < 2) {
    problems.push("fewer than 2 model errors (stopReason:error)");
  }
  if (facts.maxIdenticalToolCalls < 3) problems.push("no tool call repeated 3+ times");
  return { facts, problems };
}

/** A compact view of what reached the model, one line per request (full bodies are ~60 KB each). */
function summarizeRequests(logFile) {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, "utf8").trim().split("\n").filter(Boolean).map((line) => {
    const r = JSON.parse(line);
    const messages = r.body?.messages ?? [];
    const users = messages.filter((m) => m.role === "user").map((
      m,
    ) => (typeof m.content === "string" ? m.content : m.content.map((p) => p.text ?? "").join("")));
    const lastUser = [...users].reverse().find((t) =>
      !t.startsWith("<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>")
    ) ?? "";
    return {
      method: r.method,
      path: r.path,
      model: r.body?.model,
      stream: r.body?.stream,
      roles: messages.map((m) => m.role).join(","),
      toolCount: (r.body?.tools ?? []).length,
      lastUserMessage: lastUser.replace(/\n\nRuntime: .*$/s, "").slice(0, 200),
    };
  });
}

function firstToolNames(logFile) {
  if (!existsSync(logFile)) return [];
  const first = readFileSync(logFile, "utf8").split("\n").find((l) => l.includes('"tools"'));
  return first ? (JSON.parse(first).body?.tools ?? []).map((t) => t.function?.name) : [];
}

/** Run each scenario as one real `agent --local` turn; stop at the first unexpected exit code. */
async function runScenarios({ openclaw, scenarios, cwd, env }) {
  const turns = [];
  for (const scenario of scenarios) {
    const args = agentTurnArgs(scenario.message, {
      session: scenario.session,
      timeoutSeconds: TURN_TIMEOUT_SECONDS,
    });
    const r = await runOpenClaw(openclaw, args, { cwd, env });
    turns.push({
      id: scenario.id,
      sessionKey: scenario.session ? `agent:main:${scenario.session}` : "agent:main:main",
      lang: scenario.lang,
      message: scenario.message,
      signals: scenario.signals,
      note: scenario.note,
      exitCode: r.code,
      expectedExit: scenario.exit,
      wallMs: r.wallMs,
      sessionId: r.json?.meta?.agentMeta?.sessionId ?? null,
      reply: r.json?.payloads?.map((p) => p.text).join("\n") ?? null,
    });
    process.stderr.write(
      `[${turns.length}/${scenarios.length}] ${scenario.id}: exit ${r.code} in ${
        (r.wallMs / 1000).toFixed(1)
      } s\n`,
    );
    if (r.code !== scenario.exit) {
      throw new Error(
        `turn ${scenario.id} exited ${r.code} (expected ${scenario.exit}); stderr tail:\n${
          r.stderr.slice(-3000)
        }`,
      );
    }
  }
  return turns;
}

/** Copy the run's results into the fixture folder; returns the fixture facts and any missing ones. */
function writeFixtures({ opts, stateDir, config, requestLog, run }) {
  // Only what this script writes; hooks/ belongs to probe_hooks.mjs.
  rmSync(opts.stateOut, { recursive: true, force: true });
  for (
    const name of [
      "legacy",
      "manifest.json",
      "model-requests.summary.jsonl",
      "agent-schema.sql",
    ]
  ) {
    rmSync(join(opts.out, name), { recursive: true, force: true });
  }
  const needles = machineNeedles({ openclawEntry: opts.openclaw, repoRoot: REPO_ROOT });
  const fixtureDb = join(opts.stateOut, AGENT_DB);
  const { scrubbed, prunedTrajectoryRows } = snapshotAgentDb(
    join(stateDir, AGENT_DB),
    fixtureDb,
    needles,
  );
  const { facts, problems } = verifyFixture(fixtureDb);
  writeFileSync(join(opts.stateOut, "openclaw.json"), JSON.stringify(config, null, 2) + "\n");
  writeFileSync(join(opts.out, "agent-schema.sql"), dumpSchema(fixtureDb));
  const legacy = exportLegacyJsonl(
    fixtureDb,
    join(opts.out, "legacy", "agents", "main", "sessions"),
  );
  const requests = summarizeRequests(requestLog);
  writeFileSync(
    join(opts.out, "model-requests.summary.jsonl"),
    requests.map((r) => JSON.stringify(r)).join("\n") + "\n",
  );
  const manifest = {
    generatedBy: "scripts/openclaw/generate_fixtures.sh",
    openclawVersion: run.openclawVersion,
    node: process.version,
    workDir: opts.work,
    stateDir,
    workspaceDir: join(stateDir, "workspace"),
    totalTurnMs: run.totalMs,
    modelRequests: requests.length,
    modelToolNames: firstToolNames(requestLog),
    facts,
    scrubbedColumns: scrubbed,
    prunedTrajectoryRows,
    legacy: legacy.sessions,
    turns: run.turns,
  };
  writeFileSync(join(opts.out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return { facts, problems };
}

async function main() {
  checkNode();
  const opts = parseArgs(process.argv.slice(2));
  const openclawVersion =
    JSON.parse(readFileSync(join(dirname(opts.openclaw), "package.json"), "utf8")).version;
  if (!openclawVersion.startsWith("2026.9.")) {
    process.stderr.write(`warning: expected openclaw 2026.9.x, found ${openclawVersion}\n`);
  }
  const scenarios = opts.only ? SCENARIOS.filter((s) => opts.only.has(s.id)) : SCENARIOS;

  rmSync(opts.work, { recursive: true, force: true });
  const home = join(opts.work, "home");
  const stateDir = join(home, ".openclaw");
  const cwd = join(opts.work, "work");
  for (const d of [stateDir, cwd, join(opts.work, "tmp"), join(opts.work, "logs")]) {
    mkdirSync(d, { recursive: true });
  }
  const scriptFile = join(opts.work, "model-script.json");
  const requestLog = join(opts.work, "model-requests.jsonl");
  writeFileSync(scriptFile, JSON.stringify(fakeServerScript(), null, 2));
  const server = await startFakeModelServer({ port: 0, logFile: requestLog, scriptFile });
  const config = openclawConfig({
    port: server.port,
    logFile: join(opts.work, "logs", "openclaw.log"),
  });
  writeFileSync(join(stateDir, "openclaw.json"), JSON.stringify(config, null, 2) + "\n");
  const env = cleanEnv({ home, tmp: join(opts.work, "tmp") });

  const t0 = Date.now();
  let turns;
  try {
    turns = await runScenarios({ openclaw: opts.openclaw, scenarios, cwd, env });
  } finally {
    await server.close();
  }
  const run = { openclawVersion, turns, totalMs: Date.now() - t0 };
  const { facts, problems } = writeFixtures({ opts, stateDir, config, requestLog, run });
  if (!opts.keep) rmSync(opts.work, { recursive: true, force: true });
  process.stderr.write(
    `fixtures written to ${opts.out} (${(run.totalMs / 1000).toFixed(0)} s of turns)\n${
      JSON.stringify(facts)
    }\n`,
  );
  if (problems.length > 0 && !opts.only) {
    throw new Error(`fixture is missing expected content: ${problems.join("; ")}`);
  }
}

await main().catch((error) => {
  process.stderr.write(`generate_fixtures: ${error?.stack ?? error}\n`);
  process.exit(1);
});
