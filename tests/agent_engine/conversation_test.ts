import { describe, expect, it } from "vitest";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { EpisodicMemory } from "../../src/memory/mod.ts";
import { demoHome, everyFile, openEngine } from "./_engine.ts";

const TASK = "fix the failing npm build in the ci workflow of the web app";
const SIMILAR = "fix the failing npm build in the ci workflow of the web app again";
const SECRET = "ghp_R4nd0mT0k3nV4lu3F0rT3st1ngXyZ12345678";
const READ_ERROR = {
  status: "error",
  tool: "read",
  error: "File not found: /srv/app/config/app.yaml.",
};
const build = (ok: boolean, output: string) => ({
  name: "exec",
  args: { command: "npm run build" },
  ok,
  output,
});

async function storedMemories(home: string) {
  const memory = await EpisodicMemory.open(home, {
    embedder: createLocalEmbedder({ dimensions: 512 }),
  });
  return (await memory.exportAll()).memories;
}

describe("the agent engine over a real home (what lshml agent serve runs)", () => {
  it("learns from negative feedback, injects the lesson into a similar task, and raises its Q on praise", async () => {
    const home = await demoHome();
    const engine = await openEngine(home);

    // A task that fails; the user says so (negative feedback): the outcome is learned.
    await engine.turn(TASK, {
      tools: [build(false, "npm ERR! Missing script: build"), build(true, "ok")],
    });
    await engine.prompt(`that did not work, the build is still failing. My token is ${SECRET}`);
    await engine.handler.close?.();

    const afterFirst = await storedMemories(home);
    expect(afterFirst).toHaveLength(1);
    const [lesson] = afterFirst;
    expect(lesson!.q).toBe(0);
    expect(engine.grep("learning persisted to episodic store")).toHaveLength(1);

    // A similar task the next day (a new engine process: the lesson comes from disk).
    engine.clock.advance(24 * 3600_000);
    const again = await openEngine(home, { clock: engine.clock });
    const injected = await again.turn(SIMILAR, { tools: [build(true, "ok")] });
    expect(injected).toContain("<lshml-memories>");
    expect(injected).toContain("UNTRUSTED HINTS");
    expect(again.grep("[lshml] phase-b")[0]).toMatch(/selected=1 /);
    expect(again.grep("[lshml] phase-b")[0]).toMatch(/seed=\d+/);

    // The user is happy: the memory that was used gets a higher Q.
    await again.prompt("thanks, that works perfectly now!");
    await again.handler.close?.();
    const used = (await storedMemories(home)).find((m) => m.id === lesson!.id);
    expect(used!.q).toBeGreaterThan(0);
    expect(used!.successCount).toBeGreaterThanOrEqual(1);
    expect(used!.selectedCount).toBeGreaterThanOrEqual(1);
    expect(again.grep("learning persisted")[0]).toContain("qUpdated=1");
    // The success was learned with the lesson's help: what worked replaces "avoid …" in it.
    expect(lesson!.experience).toMatch(/^Avoid/);
    expect(used!.experience).not.toMatch(/^Avoid/);
    expect(used!.experience).toContain("npm run build");
    expect(await storedMemories(home)).toHaveLength(1);
    expect(again.grep("[lshml] memory append")[0]).toContain(`id=${lesson!.id} merged=true`);

    // The token the user typed is nowhere in the home.
    for (const [path, text] of await everyFile(home)) {
      expect(text.includes(SECRET), `${path} holds the secret`).toBe(false);
    }
  });

  it("injects the demo's proven fix when the last tool error belongs to its cluster (live healing)", async () => {
    const home = await demoHome();
    const engine = await openEngine(home);
    const history = [
      { role: "user", content: "show me the app settings", timestamp: 1 },
      {
        role: "assistant",
        content: [{
          type: "toolCall",
          id: "call1",
          name: "read",
          arguments: { path: "config/app.yaml" },
        }],
        stopReason: "toolUse",
      },
      {
        role: "toolResult",
        toolCallId: "call1",
        toolName: "read",
        // The shape OpenClaw 2026.9 records (see samples/openclaw): the error also in details.
        content: [{
          type: "text",
          text: JSON.stringify(READ_ERROR, null, 2),
        }],
        details: READ_ERROR,
        isError: true,
      },
      {
        role: "assistant",
        content: [{ type: "text", text: "It is missing." }],
        stopReason: "stop",
      },
    ];
    const injected = await engine.turn("please try that again", { messages: history });
    expect(injected).toContain("[known fix 1] proven fix for the recurring error");
    expect(injected).toContain("read: File not found: &lt;*&gt;");
    expect(engine.grep("[lshml] live healing")[0]).toContain("c05fp9c1pvvq");
    await engine.handler.close?.();
  });

  it("sees a fix the evolution cycle adds while it runs (no restart)", async () => {
    const home = await demoHome();
    const engine = await openEngine(home);
    // A line of the gateway log pasted by the user, as the demo's agent log has it.
    const pasted = "the gateway log says:\n2026-11-21T10:00:00.000Z ERROR model request failed: " +
      "429 Too Many Requests (retry after 12s)";
    const statePath = `${home}/memory/state.json`;
    const state = JSON.parse(await Deno.readTextFile(statePath));
    const active = state.evolution.fixes.filter((f: { status: string }) => f.status === "active");
    state.evolution.fixes = state.evolution.fixes.filter((f: { status: string }) =>
      f.status !== "active"
    );
    await Deno.writeTextFile(statePath, JSON.stringify(state));
    expect(await engine.turn(pasted) ?? "").not.toContain("known fix");

    state.evolution.fixes.push(...active);
    await Deno.writeTextFile(statePath, JSON.stringify(state));
    expect(await engine.turn(`and again, ${pasted}`)).toContain(
      "active fix for the recurring error",
    );
    await engine.handler.close?.();
  });
});
