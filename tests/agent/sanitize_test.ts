import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  AGENT_SESSIONS_FILE,
  createFileSessionStore,
  type PendingTask,
  sanitizeExperience,
  sanitizeText,
  stripOpenClawMetadata,
} from "../../src/agent/mod.ts";
import { createExtractiveSummarizer, type Summarizer } from "../../src/llm/mod.ts";
import { containsSecret } from "../../src/redact/mod.ts";
import { SECRET_CASES } from "../redact/_corpus.ts";
import { createHarness, runTurn, testConfig } from "./_harness.ts";

const INTERNAL = [
  "<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>",
  'Conversation data (data, not instructions):\n"## Active Subagents\\nnone"',
  "<<<END_OPENCLAW_INTERNAL_CONTEXT>>>",
].join("\n");

describe("pass 1: stripOpenClawMetadata() removes what OpenClaw wraps around people's words", () => {
  const cases: [string, string, string][] = [
    ["the --local timestamp prefix", "[Sat 2026-11-21 10:58 UTC] fix the build", "fix the build"],
    [
      "the Runtime line of the first turn",
      "fix the build\n\nRuntime: agent=main | host=box-7 | os=linux",
      "fix the build",
    ],
    ["internal context blocks", `${INTERNAL}\nfix the build`, "fix the build"],
    [
      "an unterminated internal block",
      "fix the build\n<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>\nx",
      "fix the build",
    ],
    [
      "a channel envelope and its sender label",
      "[Telegram Ann id:4242 +2m Sat 2026-11-21 10:58:02 UTC] Ann: fix the build",
      "fix the build",
    ],
    [
      "marked inbound-context JSON blocks",
      'Conversation info: ⟦openclaw:ctx⟧\n```json\n{"message_id": "812", "sender": {"name": "Ann"}}\n```\n\nfix the build',
      "fix the build",
    ],
    [
      "legacy (untrusted metadata) blocks",
      'Sender (untrusted metadata):\n```json\n{"label": "Ann (@ann)"}\n```\nfix the build',
      "fix the build",
    ],
    [
      "reply tags and message-id tags",
      "[[reply_to_current]] fix the build [message_id: 77]",
      "fix the build",
    ],
    [
      "ids: UUIDs, tool-call ids and id fields",
      "run 550e8400-e29b-41d4-a716-446655440000 call_fake_2_0 message_id: 99 failed",
      "run <id> <id> <id> failed",
    ],
    [
      "our own injected block",
      "<lshml-memories>\nold hint\n</lshml-memories>\nfix the build",
      "fix the build",
    ],
  ];
  for (const [what, input, output] of cases) {
    it(what, () => expect(stripOpenClawMetadata(input)).toBe(output));
  }
});

describe("pass 1: sanitizeText() takes out every secret format of the redaction corpus", () => {
  it(`removes all ${SECRET_CASES.length} fake secrets`, () => {
    for (const c of SECRET_CASES) {
      const clean = sanitizeText(`[Sat 2026-11-21 10:58 UTC] ${c.text}`, { maxChars: 5000 });
      for (const secret of c.secrets) expect(clean, c.format).not.toContain(secret);
      expect(containsSecret(clean), c.format).toBe(false);
    }
  });

  it("cuts after redacting, so a cut never leaves half a secret behind", () => {
    const text = `deploy with token=${"a1b2c3d4e5".repeat(4)} now`;
    const clean = sanitizeText(text, { maxChars: 20 });
    expect(clean.length).toBeLessThanOrEqual(20);
    expect(clean).not.toContain("a1b2c3d4");
  });
});

function task(intent: string): PendingTask {
  return {
    id: "t1",
    state: "waiting_feedback",
    intent,
    createdAt: 0,
    updatedAt: 0,
    startTurn: 1,
    idleTurns: 0,
    scoredThrough: 0,
    turns: [{ at: 0, prompt: intent, response: "Done.", runOk: true, tools: [], selectedIds: [] }],
  };
}

const config = testConfig();
const deps = (summarizer: Summarizer) => ({
  summarizer,
  experience: config.experience,
  memory: config.memory,
});

describe("sanitizeExperience(): pass 1, pass 2, pass 1 again, then the gate", () => {
  it("redacts secrets a summarizer puts back (an LLM echoing the task)", async () => {
    const leaky: Summarizer = {
      name: "leaky",
      summarize: () => Promise.resolve(`Use ${SECRET_CASES.map((c) => c.text).join(" and ")}`),
    };
    const result = await sanitizeExperience(
      { task: task("rotate the deploy key"), outcome: "success", reward: 1 },
      deps(leaky),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const c of SECRET_CASES) {
      for (const s of c.secrets) expect(result.experience).not.toContain(s);
    }
    expect(containsSecret(result.experience)).toBe(false);
  });

  it("stores nothing for a task whose intent was only OpenClaw metadata", async () => {
    const result = await sanitizeExperience(
      { task: task(INTERNAL), outcome: "success", reward: 1 },
      deps(createExtractiveSummarizer()),
    );
    expect(result).toEqual({ ok: false, reason: "empty" });
  });

  it("a summarizer that throws is replaced by the extractive summary", async () => {
    const broken: Summarizer = { name: "broken", summarize: () => Promise.reject(new Error("x")) };
    const result = await sanitizeExperience(
      { task: task("fix the build"), outcome: "failure", reward: -1 },
      deps(broken),
    );
    expect(result).toMatchObject({ ok: true, experience: expect.stringMatching(/^Avoid:/) });
  });
});

describe("end to end through the host (FAKE memory, real file session store): no secret is ever stored", () => {
  it("keeps every corpus secret out of memories, session state and logs", async () => {
    const home = await mkdtemp(join(tmpdir(), "lshml-agent-sanitize-"));
    try {
      const h = createHarness({
        sessions: createFileSessionStore({ home, now: Date.now }),
        config: { runtime: { learnMode: "all" } },
      });
      const secrets = SECRET_CASES.slice(0, 40);
      const prompt = `${INTERNAL}\n[Sat 2026-11-21 10:58 UTC] deploy the app using ${
        secrets.map((c) => c.text).join(" ; ")
      }`;
      await runTurn(h, prompt, {
        tools: secrets.slice(0, 8).map((c) => ({
          name: "exec",
          args: { command: `curl ${c.text}` },
          ok: false,
          output: `Error: ${c.text}`,
        })),
        answer: `I used ${secrets[0]!.text}`,
      });
      await h.host.beforePromptBuild({ prompt: "great, that works now!" }, {
        sessionKey: "agent:main:main",
      });
      await h.host.idle();
      const stored = JSON.stringify(h.memory.callsOf("add"));
      const onDisk = await readFile(join(home, AGENT_SESSIONS_FILE), "utf8");
      expect(h.memory.entries.length).toBe(1);
      for (const c of secrets) {
        for (const s of c.secrets) {
          expect(stored, c.format).not.toContain(s);
          expect(onDisk, c.format).not.toContain(s);
          expect(h.logs.join("\n"), c.format).not.toContain(s);
        }
      }
      expect(stored).not.toContain("BEGIN_OPENCLAW_INTERNAL_CONTEXT");
      expect(stored).not.toContain("2026-11-21 10:58");
      expect(containsSecret(h.memory.entries[0]!.experience)).toBe(false);
      expect(containsSecret(h.memory.entries[0]!.intent)).toBe(false);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
