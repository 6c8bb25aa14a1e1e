import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../_helpers/cli.ts";
import {
  type GatewayTurn,
  type OpenClawGateway,
  openclawPids,
  startOpenClawGateway,
} from "./_openclaw/gateway.ts";
import { type OpenClawHarness, startOpenClawHarness } from "./_openclaw/harness.ts";
import { MEMRL_SCRIPT, seedDemoHome, TASK } from "./_openclaw/memrl_script.ts";

/**
 * lshml's plugin in a long-running OpenClaw 2026.9 gateway (`openclaw gateway run`), the way
 * users run OpenClaw: one plugin and one engine serve every turn, unlike `agent --local`,
 * which starts both afresh per turn. Turns come from `openclaw agent` (no --local) over the
 * gateway's loopback WebSocket with token auth. The engine is the real one (`lshml agent
 * serve`, no --echo) on the demo's lshml home; the model is scripts/openclaw/fake_model_server.mjs,
 * a scripted test server, not a model; the tools (exec, read) are OpenClaw's own, run for real.
 * The bridge's per-run time (DESIGN §8 targets p50 ≤ 20 ms) is printed and saved, not asserted.
 */
const ONE = "agent:main:gateway-one";
const TWO = "agent:main:gateway-two";

/** The conversation: two sessions, failing exec and read tool calls, feedback both ways. */
const TURNS = [
  { name: "greeting", session: ONE, message: "Hello, what can you do?", reply: "Understood." },
  {
    name: "task (exec fails)",
    session: ONE,
    message: `Please ${TASK}.`,
    reply: "I ran the build step; it should be fixed now.",
  },
  {
    name: "negative feedback",
    session: ONE,
    message: "That did not work, the build is still failing.",
    reply: "Understood.",
  },
  {
    name: "read fails",
    session: ONE,
    message: "Please show me the settings in config/app.yaml.",
    reply: "config/app.yaml does not exist.",
  },
  {
    name: "similar task, other session",
    session: TWO,
    message: `Please ${TASK} again.`,
    reply: "The build passes now.",
  },
  {
    name: "positive feedback",
    session: TWO,
    message: "Thanks, that works perfectly now!",
    reply: "Understood.",
  },
  {
    name: "read fails again",
    session: TWO,
    message: "Please show me the settings in config/app.yaml.",
    reply: "config/app.yaml does not exist.",
  },
  { name: "retry", session: TWO, message: "Please try that again.", reply: "Understood." },
] as const;

const done: { name: string; session: string; turn: GatewayTurn }[] = [];
let startupMs: number | undefined;

/** The nearest-rank percentile (p in 0–100) of a list of numbers. */
function percentile(values: readonly number[], p: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

afterAll(() => {
  const turns = done.map(({ name, session, turn }) => ({
    turn: name,
    session,
    bridgeMs: turn.bridgeMs ?? null,
    wallMs: Math.round(turn.wallMs),
    bridgeLine: turn.bridgeLines[0]?.replace(/^.*?lshml: /, "lshml: ") ?? null,
  }));
  const measured = turns.flatMap((t) => (t.bridgeMs === null ? [] : [t.bridgeMs]));
  const p50 = percentile(measured, 50);
  const p90 = percentile(measured, 90);
  for (const t of turns) {
    console.log(`[openclaw gateway] ${t.turn}: bridge ${t.bridgeMs ?? "?"} ms of ${t.wallMs} ms`);
  }
  console.log(
    `[openclaw gateway] bridge per turn p50 ${p50} ms, p90 ${p90} ms over ${measured.length} ` +
      `turns (gateway ready in ${Math.round(startupMs ?? 0)} ms)`,
  );
  mkdirSync(join(ROOT, "test-output"), { recursive: true });
  writeFileSync(
    join(ROOT, "test-output", "openclaw-gateway-overhead.json"),
    JSON.stringify({ turns, p50, p90, gatewayStartupMs: Math.round(startupMs ?? 0) }, null, 2),
  );
});

describe("lshml's plugin in a long-running OpenClaw 2026.9 gateway (fake model server)", () => {
  let oc: OpenClawHarness;
  let gateway: OpenClawGateway;

  beforeAll(async () => {
    oc = await startOpenClawHarness({ script: MEMRL_SCRIPT, install: "link-command" });
    await seedDemoHome(oc.dirs.lshmlHome);
    gateway = await startOpenClawGateway(oc);
    startupMs = gateway.startupMs;
  });
  afterAll(async () => {
    await gateway?.close();
    await oc?.close();
  });

  it("the gateway starts with lshml loaded and its engine ready before any turn", () => {
    expect(gateway.health).toMatchObject({ ok: true, plugins: { loaded: ["lshml"] } });
    const logs = gateway.logs();
    expect(logs).toContain(`lshml: initialized (home ${oc.dirs.lshmlHome}, handler memory`);
    expect(logs).toMatch(/lshml: engine ready in \d+ ms/);
    expect(oc.enginePids()).toHaveLength(1);
  });

  it("eight turns in two sessions each get their answer through the gateway, and the engine answers every run", async () => {
    const [engine] = oc.enginePids();
    for (const { name, session, message, reply } of TURNS) {
      const turn = await gateway.runTurn(message, { session });
      done.push({ name, session, turn });
      expect(turn.code, `${name}: ${turn.stderr}`).toBe(0);
      expect(turn.reply, name).toBe(reply);
      expect(turn.runId, name).toBeTruthy();
      // One bridge report per run, from an engine that answered every hook (no fail-open).
      expect(turn.bridgeLines, name).toHaveLength(1);
      expect(turn.bridgeMs, name).toBeGreaterThan(0);
      expect(turn.bridgeLines[0], name).toMatch(
        /\(engine ready in \d+ ms, failures 0, restarts 0\)/,
      );
    }
    // The tool calls ran and failed for real: the model got their errors back.
    const toolResults = (turn: GatewayTurn) =>
      JSON.stringify(turn.requests.at(-1)?.body?.messages?.filter((m) => m.role === "tool"));
    expect(toolResults(done[1]!.turn)).toMatch(/No such file or directory/);
    expect(toolResults(done[3]!.turn)).toMatch(/not found|ENOENT|no such file/i);
    // What the engine learned from session one reached the model in session two.
    expect(done[4]!.turn.userText).toContain("<lshml-memories>");
    expect(done[4]!.turn.userText).toContain(`</lshml-memories>\n\nPlease ${TASK} again.`);
    // One engine served every turn: the gateway kept it, nothing restarted it.
    expect(oc.enginePids()).toEqual([engine]);
    const logs = gateway.logs();
    expect(logs).not.toContain("went on without lshml");
    expect(logs).not.toMatch(/lshml: the engine exited/);
    expect(logs).toMatch(/lshml: feedback scored .* reward=-/);
  });

  it("close() stops the gateway and its engine: no process of this OpenClaw home is left", async () => {
    const status = await gateway.close();
    expect(status.success).toBe(true);
    expect(gateway.logs()).toMatch(/\[shutdown\] completed cleanly/);
    expect(oc.enginePids()).toEqual([]);
    expect(openclawPids(oc.dirs.home)).toEqual([]);
  });
});
