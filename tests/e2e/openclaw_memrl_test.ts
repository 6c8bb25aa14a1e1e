import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { EpisodicMemory } from "../../src/memory/mod.ts";
import { ROOT } from "../_helpers/cli.ts";
import { everyFile } from "../agent_engine/_engine.ts";
import {
  type OpenClawHarness,
  startOpenClawHarness,
  type TurnResult,
} from "./_openclaw/harness.ts";
import { MEMRL_SCRIPT, seedDemoHome, TASK } from "./_openclaw/memrl_script.ts";

/**
 * The MemRL conversation of DESIGN §9 in a real OpenClaw 2026.9 with the real engine
 * (`lshml agent serve`, no --echo). The model is scripts/openclaw/fake_model_server.mjs, a
 * scripted test server, not a model; the tools (exec, read) are OpenClaw's own, run for real.
 * The lshml home is the demo's: five real evolution cycles left clusters and a proven fix.
 */
const SECRET = "ghp_R4nd0mT0k3nV4lu3F0rT3st1ngXyZ12345678";
const SECOND = "agent:main:second-task";

const turns: { name: string; turn: TurnResult }[] = [];

async function memories(home: string) {
  const memory = await EpisodicMemory.open(home, {
    embedder: createLocalEmbedder({ dimensions: 512 }),
  });
  return (await memory.exportAll()).memories;
}

afterAll(() => {
  // What the plugin adds to each turn (DESIGN §8: p50 ≤ 20 ms); printed and saved, not asserted.
  const rows = turns.map(({ name, turn }) => ({
    turn: name,
    bridgeMs: turn.bridgeMs ?? null,
    wallMs: Math.round(turn.wallMs),
  }));
  for (const row of rows) {
    console.log(
      `[openclaw memrl] ${row.turn}: bridge ${row.bridgeMs ?? "?"} ms of ${row.wallMs} ms`,
    );
  }
  mkdirSync(join(ROOT, "test-output"), { recursive: true });
  writeFileSync(join(ROOT, "test-output", "openclaw-overhead.json"), JSON.stringify(rows, null, 2));
});

describe("MemRL in a real OpenClaw 2026.9: learns from feedback, injects, heals (fake model server)", () => {
  let oc: OpenClawHarness;
  let home: string;

  beforeAll(async () => {
    oc = await startOpenClawHarness({ script: MEMRL_SCRIPT });
    home = oc.dirs.lshmlHome;
    await seedDemoHome(home);
  });
  afterAll(async () => await oc?.close());

  it("a task whose tool fails, then the user's negative feedback: the outcome is learned", async () => {
    const task = await oc.runTurn(`Please ${TASK}.`);
    turns.push({ name: "task (tool fails)", turn: task });
    expect(task.code).toBe(0);
    expect(task.reply).toBe("I ran the build step; it should be fixed now.");

    const feedback = await oc.runTurn(
      `That did not work, the build is still failing. My token is ${SECRET} if you need it.`,
    );
    turns.push({ name: "negative feedback", turn: feedback });
    expect(feedback.code).toBe(0);
    const logs = oc.readLogs();
    expect(logs).toContain("lshml: initialized (home");
    expect(logs).toMatch(/lshml: feedback scored .* reward=-/);
    expect(logs).toContain("[lshml] learning persisted to episodic store");
    const stored = await memories(home);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.experience).toContain("Avoid:");
    expect(stored[0]!.q).toBe(0);
  });

  it("a similar task in another session gets that memory injected into the model request", async () => {
    const turn = await oc.runTurn(`Please ${TASK} again.`, { session: SECOND });
    turns.push({ name: "similar task (memory injected)", turn });
    expect(turn.code).toBe(0);
    expect(turn.reply).toBe("The build passes now.");
    expect(turn.userText).toContain("<lshml-memories>");
    expect(turn.userText).toContain("UNTRUSTED HINTS");
    expect(turn.userText).toContain("Avoid: this approach failed");
    expect(turn.userText).toContain(`</lshml-memories>\n\nPlease ${TASK} again.`);
    expect(oc.readLogs()).toMatch(/\[lshml\] phase-b .* selected=1 /);
  });

  it("positive feedback raises the Q of the memory that was used (on disk)", async () => {
    const before = (await memories(home))[0]!;
    const turn = await oc.runTurn("Thanks, that works perfectly now!", { session: SECOND });
    turns.push({ name: "positive feedback", turn });
    expect(turn.code).toBe(0);
    const after = (await memories(home)).find((m) => m.id === before.id)!;
    expect(after.q).toBeGreaterThan(before.q);
    expect(after.successCount).toBeGreaterThan(0);
  });

  it("a read error of the demo's cluster gets its proven fix injected, even after the engine is killed", async () => {
    let killed = 0;
    const failing = await oc.runTurn("Please show me the settings in config/app.yaml.", {
      session: SECOND,
      onModelRequest: (n) => {
        if (n === 1) killed = oc.killEngine();
      },
    });
    turns.push({ name: "read fails (engine killed)", turn: failing });
    expect(killed).toBeGreaterThan(0);
    expect(failing.code).toBe(0);
    expect(failing.reply).toBe("config/app.yaml does not exist.");
    expect(failing.stderr).toMatch(/lshml: the engine exited \(signal SIGKILL\); restarting/);

    const retry = await oc.runTurn("Please try that again.", { session: SECOND });
    turns.push({ name: "retry (known fix injected)", turn: retry });
    expect(retry.code).toBe(0);
    expect(retry.userText).toContain("[known fix 1] proven fix for the recurring error");
    expect(retry.userText).toContain("read: File not found: &lt;*&gt;");
    expect(retry.userText).toContain("Verify the path before reading it");
    expect(oc.readLogs()).toMatch(/\[lshml\] live healing .*c05fp9c1pvvq/);
  });

  it("the token the user typed is in no file of the lshml home", async () => {
    const leaks = [...(await everyFile(home))].filter(([, text]) => text.includes(SECRET));
    expect(leaks.map(([path]) => path)).toEqual([]);
    expect(oc.readLogs()).not.toContain(SECRET);
  });
});
