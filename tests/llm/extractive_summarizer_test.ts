import { describe, expect, it } from "vitest";
import {
  parseJsonReply,
  RewardReplySchema,
  summarizeExtractively,
  type SummaryInput,
  withPlaceholders,
} from "../../src/llm/mod.ts";

const base: SummaryInput = {
  intent: "fix the failing build in /srv/app/.github/workflows/ci.yml",
  turns: [{
    prompt: "fix the failing build",
    response: "Pinned node to 20 in the workflow. Tests pass now.",
    tools: [
      {
        name: "read",
        ok: false,
        detail: "path=/srv/app/ci.yml",
        error: "File not found: /srv/app/ci.yml",
      },
      { name: "exec", ok: true, detail: "command=npm test" },
    ],
  }],
  outcome: "success",
  reward: 0.9,
  feedback: "great, it works",
  maxChars: 700,
  maxToolEvents: 12,
  maxRawChars: 2200,
};

describe("summarizeExtractively(): pass 2 without a model", () => {
  it("writes a transferable strategy with placeholders", () => {
    expect(summarizeExtractively(base)).toBe([
      'Worked for "fix the failing build in <path>":',
      "- read path=<path> → failed: File not found: <path>",
      "- exec command=npm test → ok",
      "Approach: Pinned node to 20 in the workflow.",
      'User said: "great, it works"',
    ].join("\n"));
  });

  it("writes a failure as a warning that starts with 'Avoid:'", () => {
    const text = summarizeExtractively({ ...base, outcome: "failure", reward: -0.8 });
    expect(text).toMatch(/^Avoid: this approach failed for "fix the failing build in <path>":/);
    expect(text).toContain("Try a different approach next time.");
  });

  it("stays within maxChars and keeps failures first when tool steps are cut", () => {
    const tools = Array.from({ length: 30 }, (_, i) => ({ name: `t${i}`, ok: i !== 20 }));
    const text = summarizeExtractively({
      ...base,
      turns: [{ prompt: "x", tools }],
      maxToolEvents: 3,
      maxChars: 120,
    });
    expect(text.length).toBeLessThanOrEqual(120);
    expect(text.split("\n")[1]).toBe("- t20 → failed");
  });
});

describe("withPlaceholders()", () => {
  it("replaces URLs, paths, ids and long numbers, and keeps statuses, file names and and/or", () => {
    expect(withPlaceholders("GET https://api.example.com/v1/x failed with 503 after 300000 ms"))
      .toBe("GET <url> failed with 503 after <n> ms");
    expect(withPlaceholders("edit src/app/main.ts and/or ci.yml; see C:\\Users\\bob\\x.txt"))
      .toBe("edit <path> and/or ci.yml; see <path>");
    expect(withPlaceholders("run 550e8400-e29b-41d4-a716-446655440000")).toBe("run <id>");
  });
});

describe("parseJsonReply(): strict JSON from a model", () => {
  it("accepts the object, also inside a code fence", () => {
    expect(parseJsonReply('{"reward":-0.5,"confidence":0.8,"reason":"fails"}', RewardReplySchema))
      .toEqual({ ok: true, value: { reward: -0.5, confidence: 0.8, reason: "fails" } });
    expect(
      parseJsonReply('```json\n{"reward":1,"confidence":1,"reason":"ok"}\n```', RewardReplySchema)
        .ok,
    ).toBe(true);
  });

  it("refuses prose, out-of-range numbers and extra keys", () => {
    expect(parseJsonReply("The reward is 0.9", RewardReplySchema).ok).toBe(false);
    expect(parseJsonReply('{"reward":3,"confidence":1,"reason":"x"}', RewardReplySchema))
      .toMatchObject({ ok: false, problem: expect.stringContaining("at reward") });
    expect(
      parseJsonReply('{"reward":1,"confidence":1,"reason":"x","extra":1}', RewardReplySchema).ok,
    ).toBe(false);
  });
});
