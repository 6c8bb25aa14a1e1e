import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AGENT_SESSIONS_FILE, createFileSessionStore } from "../../src/agent/mod.ts";
import { FakeMemory } from "./_fake_memory.ts";
import { createHarness, runTurn, testClock, userCtx } from "./_harness.ts";

const TASK = "fix the failing build in the ci.yml workflow";
const tool = { name: "exec", args: { command: "npm test" }, ok: true, output: "ok" };

describe("session state across engine restarts (real files in a temporary home, FAKE memory)", () => {
  let home = "";
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), "lshml-agent-sessions-"));
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it("a re-created host continues the pending task and scores the feedback", async () => {
    const clock = testClock();
    const memory = new FakeMemory();
    const first = createHarness({
      memory,
      clock,
      sessions: createFileSessionStore({ home, now: clock.now }),
    });
    await runTurn(first, TASK, { tools: [tool] });
    await first.host.idle();

    const doc = JSON.parse(await readFile(join(home, AGENT_SESSIONS_FILE), "utf8"));
    expect(doc.version).toBe(1);
    expect(doc.sessions[0].task.state).toBe("waiting_feedback");

    clock.advance(60_000);
    const second = createHarness({
      memory,
      clock,
      sessions: createFileSessionStore({ home, now: clock.now }),
    });
    await second.host.beforePromptBuild({ prompt: "great, that works now!" }, userCtx());
    await second.host.idle();
    expect(second.logged("lshml: restored 1 agent sessions (1 pending tasks)")).toHaveLength(1);
    expect(second.logged("lshml: feedback scored")[0]).toContain("end=feedback");
    expect(memory.entries).toHaveLength(1);
    const after = JSON.parse(await readFile(join(home, AGENT_SESSIONS_FILE), "utf8"));
    expect(after.sessions[0].task).toBeNull();
  });

  it("a task whose TTL ran out while no engine ran is scored on restart, not dropped", async () => {
    const clock = testClock();
    const first = createHarness({
      clock,
      config: { runtime: { learnMode: "all" } },
      sessions: createFileSessionStore({ home, now: clock.now }),
    });
    await runTurn(first, TASK, { tools: [tool, tool, tool] });
    await first.host.idle(); // the engine stops (its session writes finish)
    clock.advance(first.config.runtime.pendingTtlMs + 1);
    const second = createHarness({
      clock,
      sessions: createFileSessionStore({ home, now: clock.now }),
    });
    await second.host.afterToolCall({ toolName: "ls" }, userCtx("agent:main:other"));
    await second.host.idle();
    expect(second.logged("lshml: feedback scored")[0]).toContain("end=ttl");
    const after = JSON.parse(await readFile(join(home, AGENT_SESSIONS_FILE), "utf8"));
    expect(after.sessions[0].task).toBeNull();
  });

  it("prunes sessions silent longer than the retention", async () => {
    const clock = testClock();
    const store = createFileSessionStore({ home, now: clock.now, retentionMs: 1000 });
    await store.save([{ key: "agent:main:old", turns: 1, updatedAt: clock.now(), task: null }]);
    clock.advance(5000);
    await store.save([{ key: "agent:main:new", turns: 1, updatedAt: clock.now(), task: null }]);
    expect((await store.load()).map((s) => s.key)).toEqual(["agent:main:new"]);
  });

  it("a corrupt sessions file is set aside and the host starts without it", async () => {
    const path = join(home, AGENT_SESSIONS_FILE);
    await mkdir(join(home, "memory"), { recursive: true });
    await writeFile(path, "{not json");
    const h = createHarness({ sessions: createFileSessionStore({ home, now: Date.now }) });
    await runTurn(h, TASK);
    expect(h.logged("lshml: agent sessions unreadable")[0]).toContain("corrupt");
    expect(h.logged("[lshml] pending created")).toHaveLength(1);
    expect((await readdir(join(home, "memory"))).some((n) => n.includes(".corrupt-"))).toBe(true);
  });
});
