import { describe, expect, it } from "vitest";
import type { KnownFix } from "../../src/agent/mod.ts";
import { createHarness, fakeKnowledge, userCtx } from "./_harness.ts";

const READ_FIX: KnownFix = {
  status: "proven",
  gene: {
    id: "gene_missing_resource_locate",
    title: "Locate the missing file before reading it",
    strategy: ["List the directory with ls", "Create the file from its template if it is absent"],
  },
};

const clusters = [
  { contains: "File not found", clusterId: "c05fp9c1pvvq", template: "read: File not found: <*>" },
  { contains: "ECONNREFUSED", clusterId: "c0net", template: "ECONNREFUSED <*>" },
];

/** The history before this turn: the previous turn read a missing file (as OpenClaw sends it). */
const history = [
  { role: "user", content: "read the settings", timestamp: 1 },
  {
    role: "assistant",
    content: [{
      type: "toolCall",
      id: "callfake20",
      name: "read",
      arguments: { path: "config/settings.yaml" },
    }],
    stopReason: "toolUse",
  },
  {
    role: "toolResult",
    toolCallId: "callfake20",
    toolName: "read",
    content: [{
      type: "text",
      text:
        '{"status":"error","tool":"read","error":"File not found: /home/alice/ws/config/settings.yaml."}',
    }],
    isError: true,
  },
  {
    role: "assistant",
    content: [{ type: "text", text: "The file is missing." }],
    stopReason: "stop",
  },
];

describe("live healing (FAKE knowledge port, real error extraction)", () => {
  it("injects the proven fix of the cluster the last tool error belongs to", async () => {
    const knowledge = fakeKnowledge(clusters, { c05fp9c1pvvq: READ_FIX });
    const h = createHarness({ knowledge });
    const out = await h.host.beforePromptBuild(
      { prompt: "try again please", messages: history },
      userCtx(),
    );
    expect(out?.prependContext).toContain("[known fix 1] proven fix for the recurring error");
    expect(out?.prependContext).toContain("read: File not found: &lt;*&gt;");
    expect(out?.prependContext).toContain("  | 1. List the directory with ls");
    expect(h.logged("[lshml] live healing")[0]).toContain(
      "c05fp9c1pvvq:gene_missing_resource_locate(proven)",
    );
    // The error line was redacted before the lookup, as `lshml scan` clusters it.
    expect(knowledge.lookups.join("\n")).not.toContain("/home/alice");
  });

  it("injects an active fix for an error pasted into the prompt", async () => {
    const knowledge = fakeKnowledge(clusters, { c0net: { ...READ_FIX, status: "active" } });
    const h = createHarness({ knowledge });
    const out = await h.host.beforePromptBuild(
      { prompt: "the app says: Error: connect ECONNREFUSED 127.0.0.1:5432", messages: [] },
      userCtx(),
    );
    expect(out?.prependContext).toContain("active fix");
  });

  it("injects nothing for a cluster without a fix, or with no cluster at all", async () => {
    const h = createHarness({ knowledge: fakeKnowledge(clusters, {}) });
    expect(
      await h.host.beforePromptBuild({ prompt: "try again please", messages: history }, userCtx()),
    )
      .toBeUndefined();
    const h2 = createHarness({ knowledge: fakeKnowledge([], { c05fp9c1pvvq: READ_FIX }) });
    expect(
      await h2.host.beforePromptBuild({ prompt: "try again please", messages: history }, userCtx()),
    )
      .toBeUndefined();
  });

  it("also heals heartbeat and sub-agent turns, which learn nothing", async () => {
    const h = createHarness({ knowledge: fakeKnowledge(clusters, { c05fp9c1pvvq: READ_FIX }) });
    const out = await h.host.beforePromptBuild(
      { prompt: "[OpenClaw heartbeat poll]", messages: history },
      { ...userCtx("agent:main:main"), trigger: "heartbeat" },
    );
    expect(out?.prependContext).toContain("known fix 1");
    expect(h.logged("[lshml] pending created")).toHaveLength(0);
  });

  it("survives a knowledge port that throws: logged, nothing injected", async () => {
    const h = createHarness({
      knowledge: {
        matchCluster: () => Promise.reject(new Error("registry unreadable")),
        fixFor: () => undefined,
      },
    });
    const out = await h.host.beforePromptBuild(
      { prompt: "try again please", messages: history },
      userCtx(),
    );
    expect(out).toBeUndefined();
    expect(h.logged("[lshml] live healing failed")[0]).toContain("registry unreadable");
  });
});
