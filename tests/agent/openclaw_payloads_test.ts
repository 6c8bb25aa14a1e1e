import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { HOOK_NAMES, type HookName } from "../../src/agent/mod.ts";
import { createHarness } from "./_harness.ts";

/** Hook payloads recorded from a REAL OpenClaw 2026.9.6 run (scripts/openclaw/probe_hooks.mjs). */
const FIXTURE = new URL("../fixtures/openclaw/hooks/probe-events.jsonl", import.meta.url);

interface ProbeLine {
  run: string;
  kind: string;
  hook?: string;
  event?: unknown;
  ctx?: unknown;
}

async function recordedHooks(run: string) {
  const lines = (await readFile(FIXTURE, "utf8")).split("\n").filter((l) => l.trim() !== "");
  return lines
    .map((l) => JSON.parse(l) as ProbeLine)
    .filter((l) => l.run === run && l.kind === "hook" && HOOK_NAMES.includes(l.hook as HookName));
}

describe("replaying hook payloads recorded from a real OpenClaw (FAKE memory)", () => {
  it("accepts every payload and sees the failed read and the model error", async () => {
    const h = createHarness();
    const hooks = await recordedHooks("granted");
    expect(hooks.map((x) => x.hook)).toContain("after_tool_call");
    for (const x of hooks) await h.host.dispatch(x.hook as HookName, x.event, x.ctx);
    await h.host.idle();
    expect(h.logged("rejected")).toEqual([]);
    expect(h.logged("failed:")).toEqual([]);
    expect(h.logged("[lshml] after_tool_call captured")[0]).toContain("tool=read ok=false");
    const ends = h.logged("[lshml] agent_end captured");
    expect(ends).toHaveLength(3);
    expect(ends[1]).toContain("toolErrors=1");
    // OpenClaw said success=true, but the last assistant message ended with stopReason "error".
    expect(ends[2]).toContain("success=true runOk=false");
    expect(h.logged("[lshml] llm_output captured")).toHaveLength(3);
  });

  it("without conversation access only the tool hooks arrive, and they are handled quietly", async () => {
    const h = createHarness();
    for (const x of await recordedHooks("not-granted")) {
      await h.host.dispatch(x.hook as HookName, x.event, x.ctx);
    }
    expect(h.logged("rejected")).toEqual([]);
    expect(h.logged("[lshml] after_tool_call captured")[0]).toContain("task=none");
  });
});
