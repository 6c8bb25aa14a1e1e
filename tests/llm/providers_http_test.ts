import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/mod.ts";
import {
  createLlmReward,
  createLlmSummarizer,
  createOllamaChat,
  createOpenAIChat,
  createProviders,
  type RewardInput,
  scoreHeuristically,
  type SummaryInput,
} from "../../src/llm/mod.ts";
import { detectFeedback } from "../../src/signals/text/mod.ts";
import { testConfig } from "../agent/_harness.ts";

/**
 * A REAL HTTP server on loopback speaking Ollama's `/api/chat` and OpenAI's
 * `/v1/chat/completions`. The model name picks the behaviour: a good JSON verdict, prose,
 * out-of-range JSON, an HTTP 500, a reply slower than the client's budget, or a summary.
 */
const REPLIES: Record<string, string> = {
  good: '{"reward": -0.7, "confidence": 0.92, "reason": "the user says it still fails"}',
  fenced: '```json\n{"reward": 0.8, "confidence": 0.7, "reason": "fixed"}\n```',
  prose: "Sure! I would say the task went rather well overall.",
  range: '{"reward": 3, "confidence": 0.9, "reason": "very good"}',
  broken: '{"reward": 0.5, "confidence": ',
  summary: "Worked: pin the runtime version in <path> before running the tests.",
  "summary-leak": "Avoid: rerunning with the key",
  "summary-empty": "   ",
};

const requests: { path: string; body: Record<string, unknown>; auth: string | null }[] = [];
const releases: (() => void)[] = [];
let server: Deno.HttpServer<Deno.NetAddr> | undefined;
let base = "";

async function respond(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname;
  const body = await req.json() as Record<string, unknown>;
  requests.push({ path, body, auth: req.headers.get("authorization") });
  const model = String(body.model);
  if (model === "http500") return Response.json({ error: "boom" }, { status: 500 });
  if (model === "slow") {
    // Answers after 3 s — or when the tests end, so the server shuts down at once.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      releases.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  const content = REPLIES[model] ?? REPLIES.good!;
  if (path === "/api/chat") {
    return Response.json({
      model,
      created_at: new Date(0).toISOString(),
      message: { role: "assistant", content },
      done: true,
      done_reason: "stop",
    });
  }
  if (path === "/v1/chat/completions") {
    return Response.json({
      id: "chatcmpl-local",
      object: "chat.completion",
      created: 0,
      model,
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  }
  return new Response("not found", { status: 404 });
}

beforeAll(() => {
  server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => undefined }, respond);
  base = `http://127.0.0.1:${server.addr.port}`;
});
afterAll(async () => {
  for (const release of releases) release();
  await server?.shutdown();
});

const task: RewardInput = {
  intent: "fix the failing build in <path>",
  turns: [{ prompt: "fix the failing build", response: "Pinned node 20." }],
  tools: { ok: 2, failed: 0, errors: [] },
  run: { failed: false },
  end: "feedback",
  feedback: { text: "great, it works now", verdict: detectFeedback("great, it works now") },
};
const heuristic = scoreHeuristically(task);

const summaryInput: SummaryInput = {
  intent: "fix the failing build in <path>",
  turns: [{ prompt: "fix it", response: "Pinned node 20.", tools: [{ name: "exec", ok: true }] }],
  outcome: "success",
  reward: 0.9,
  maxChars: 200,
  maxToolEvents: 12,
  maxRawChars: 2200,
};

type Kind = "ollama" | "openai";
const chat = (kind: Kind, model: string) =>
  kind === "ollama"
    ? createOllamaChat({ url: base, model })
    : createOpenAIChat({ apiKey: "sk-local-test", baseUrl: `${base}/v1`, model });

function reward(kind: Kind, model: string, logs: string[], timeoutMs = 2000) {
  return createLlmReward({
    name: kind,
    client: chat(kind, model),
    temperature: 0,
    timeoutMs,
    log: (l) => logs.push(l),
  });
}

for (const kind of ["ollama", "openai"] as const) {
  describe(`${kind} reward against a real local server`, () => {
    it("uses the model's strict JSON verdict and keeps the heuristic's reasons", async () => {
      const logs: string[] = [];
      const r = await reward(kind, "good", logs).score(task);
      expect(r).toMatchObject({ reward: -0.7, confidence: 0.92, source: kind });
      expect(r.reasons.at(-1)).toBe(`${kind}: the user says it still fails`);
      expect(r.reasons.slice(0, -1)).toEqual(heuristic.reasons);
      expect(logs).toEqual([]);
      const last = requests.at(-1)!;
      expect(last.path).toBe(kind === "ollama" ? "/api/chat" : "/v1/chat/completions");
      if (kind === "ollama") expect(last.body).toMatchObject({ format: "json", stream: false });
      else {
        expect(last.body).toMatchObject({ response_format: { type: "json_object" } });
        expect(last.auth).toBe("Bearer sk-local-test");
      }
      const sent = JSON.stringify(last.body.messages);
      expect(sent).toContain("great, it works now");
      expect(sent).toContain("fix the failing build in <path>");
    });

    it("accepts JSON in a code fence", async () => {
      expect((await reward(kind, "fenced", []).score(task)).reward).toBe(0.8);
    });

    for (const bad of ["prose", "range", "broken", "http500"]) {
      it(`falls back to the heuristic on ${bad} and logs once`, async () => {
        const logs: string[] = [];
        const provider = reward(kind, bad, logs);
        expect(await provider.score(task)).toEqual(heuristic);
        expect(await provider.score(task)).toEqual(heuristic);
        expect(provider.failures).toBe(2);
        expect(logs).toHaveLength(1);
        expect(logs[0]).toMatch(/^lshml: reward model .* unusable \(.+\); falling back/);
      });
    }

    it("falls back to the heuristic when the model is slower than the budget", async () => {
      const logs: string[] = [];
      const started = performance.now();
      expect(await reward(kind, "slow", logs, 250).score(task)).toEqual(heuristic);
      expect(performance.now() - started).toBeLessThan(2500);
      expect(logs[0]).toContain("250 ms");
    });

    it("summarizer: returns the model's strategy, bounded", async () => {
      const summarizer = createLlmSummarizer({
        name: kind,
        client: chat(kind, "summary"),
        temperature: 0,
        timeoutMs: 2000,
        log: () => undefined,
      });
      expect(await summarizer.summarize(summaryInput)).toBe(REPLIES.summary);
      const system = (requests.at(-1)!.body.messages as { content: string }[])[0]!.content;
      expect(system).toContain("[REDACTED_<KIND>]");
      expect(system).toContain("placeholders");
    });

    it("summarizer: a failure summary starts with Avoid:, an empty or slow reply falls back", async () => {
      const logs: string[] = [];
      const make = (model: string, timeoutMs = 2000) =>
        createLlmSummarizer({
          name: kind,
          client: chat(kind, model),
          temperature: 0,
          timeoutMs,
          log: (l) => logs.push(l),
        });
      const failure = { ...summaryInput, outcome: "failure" as const, reward: -0.9 };
      expect(await make("summary").summarize(failure)).toMatch(/^Avoid: Worked: pin/);
      expect(await make("summary-empty").summarize(summaryInput)).toMatch(/^Worked for "/);
      expect(await make("slow", 200).summarize(summaryInput)).toMatch(/^Worked for "/);
      expect(logs).toHaveLength(2);
    });
  });
}

describe("createProviders()", () => {
  it("defaults to the heuristic reward and the extractive summarizer (no model, no request)", async () => {
    const before = requests.length;
    const p = createProviders(testConfig(), { log: () => undefined });
    expect([p.reward.name, p.summarizer.name]).toEqual(["heuristic", "extractive"]);
    expect(await p.reward.score(task)).toEqual(heuristic);
    expect(requests.length).toBe(before);
  });

  it("wires Ollama from reward.* and experience.* (baseUrl, model, temperature)", async () => {
    const config = testConfig({
      reward: { provider: "ollama", baseUrl: base, model: "good", temperature: 0.2 },
      experience: { summarizer: "ollama", baseUrl: base, model: "summary" },
    });
    const p = createProviders(config, { log: () => undefined });
    expect((await p.reward.score(task)).source).toBe("ollama");
    expect(requests.at(-1)!.body).toMatchObject({ model: "good", options: { temperature: 0.2 } });
    expect(await p.summarizer.summarize(summaryInput)).toBe(REPLIES.summary);
  });

  it("wires OpenAI with the shared openai.apiKey and baseUrl", async () => {
    const config = testConfig({
      openai: { apiKey: "sk-shared-key", baseUrl: `${base}/v1` },
      reward: { provider: "openai", model: "good" },
    });
    const p = createProviders(config, { log: () => undefined });
    expect((await p.reward.score(task)).reward).toBe(-0.7);
    expect(requests.at(-1)!.auth).toBe("Bearer sk-shared-key");
  });

  it("refuses OpenAI without a key, naming the setting", () => {
    const config = testConfig({ experience: { summarizer: "openai" } });
    expect(() => createProviders(config, { log: () => undefined })).toThrow(ConfigError);
    expect(() => createProviders(config, { log: () => undefined })).toThrow(/experience\.apiKey/);
  });

  it("an unreachable Ollama falls back to the heuristic", async () => {
    const logs: string[] = [];
    const config = testConfig({ reward: { provider: "ollama", baseUrl: "http://127.0.0.1:9" } });
    const p = createProviders(config, { log: (l) => logs.push(l), timeoutMs: 2000 });
    expect(await p.reward.score(task)).toEqual(heuristic);
    expect(logs).toHaveLength(1);
  });
});
