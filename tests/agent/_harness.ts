import {
  type AgentHost,
  createAgentHost,
  type KnowledgePort,
  type KnownFix,
  type SessionStore,
} from "../../src/agent/mod.ts";
import { type Config, ConfigSchema } from "../../src/config/mod.ts";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { createRng } from "../../src/learn/mod.ts";
import {
  createExtractiveSummarizer,
  createHeuristicReward,
  type RewardProvider,
  type Summarizer,
} from "../../src/llm/mod.ts";
import { FakeMemory } from "./_fake_memory.ts";

/** Deep-partial overrides of the configuration, validated by the real schema. */
export type ConfigOverrides = { [K in keyof Config]?: Partial<Config[K]> };

/** The real schema's defaults with overrides. */
export function testConfig(overrides: ConfigOverrides = {}): Config {
  return ConfigSchema.parse(overrides);
}

/** A hand-set clock in epoch milliseconds. */
export function testClock(start = Date.UTC(2026, 10, 21, 10, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A knowledge port over a fixed map: template substring → cluster, cluster → fix. */
export function fakeKnowledge(
  clusters: readonly { contains: string; clusterId: string; template: string }[] = [],
  fixes: Readonly<Record<string, KnownFix>> = {},
): KnowledgePort & { lookups: string[] } {
  const lookups: string[] = [];
  return {
    lookups,
    matchCluster(text) {
      lookups.push(text);
      const hit = clusters.find((c) => text.includes(c.contains));
      return hit ? { clusterId: hit.clusterId, template: hit.template } : undefined;
    },
    fixFor: (clusterId) => fixes[clusterId],
  };
}

/** Everything a host test needs; real local embedder, real heuristic reward and summarizer. */
export interface Harness {
  host: AgentHost;
  memory: FakeMemory;
  logs: string[];
  clock: ReturnType<typeof testClock>;
  config: Config;
  /** Lines of the log that start with `prefix` (after trimming). */
  logged(fragment: string): string[];
}

/** Options for {@link createHarness}. */
export interface HarnessOptions {
  config?: ConfigOverrides;
  memory?: FakeMemory;
  knowledge?: KnowledgePort;
  reward?: RewardProvider;
  summarizer?: Summarizer;
  sessions?: SessionStore;
  clock?: ReturnType<typeof testClock>;
  logs?: string[];
}

/** A host over a FAKE memory, with the real local embedder, heuristic reward and summarizer. */
export function createHarness(options: HarnessOptions = {}): Harness {
  const config = testConfig(options.config);
  const memory = options.memory ?? new FakeMemory(config.learning.alpha);
  const logs = options.logs ?? [];
  const clock = options.clock ?? testClock();
  const host = createAgentHost({
    config,
    memory,
    embedder: createLocalEmbedder({ dimensions: 512 }),
    knowledge: options.knowledge ?? fakeKnowledge(),
    reward: options.reward ?? createHeuristicReward(),
    summarizer: options.summarizer ?? createExtractiveSummarizer(),
    now: clock.now,
    rng: createRng(7),
    log: (line) => logs.push(line),
    ...(options.sessions ? { sessions: options.sessions } : {}),
  });
  return {
    host,
    memory,
    logs,
    clock,
    config,
    logged: (fragment) => logs.filter((l) => l.includes(fragment)),
  };
}

/** An OpenClaw hook ctx for a person's turn. */
export function userCtx(sessionKey = "agent:main:main", runId = "run-1") {
  return {
    runId,
    agentId: "main",
    sessionKey,
    sessionId: "c6899d4f-a409-4683-aec1-284c86cc7358",
    workspaceDir: "/tmp/ws",
    trigger: "user",
  };
}

/** agent_end's event for a turn: the user's text, tool calls and results, the final answer. */
export function agentEndEvent(opts: {
  prompt: string;
  answer?: string;
  tools?: { name: string; args: Record<string, unknown>; ok: boolean; output: string }[];
  modelError?: string;
}) {
  const messages: Record<string, unknown>[] = [
    { role: "user", content: [{ type: "text", text: opts.prompt }], timestamp: 1 },
  ];
  (opts.tools ?? []).forEach((tool, i) => {
    const id = `call_fake_${i}_0`;
    messages.push({
      role: "assistant",
      content: [{ type: "toolCall", id, name: tool.name, arguments: tool.args }],
      stopReason: "toolUse",
    });
    messages.push({
      role: "toolResult",
      toolCallId: id,
      toolName: tool.name,
      content: [{ type: "text", text: tool.output }],
      isError: !tool.ok,
      ...(tool.ok ? {} : { details: { status: "error", error: tool.output } }),
    });
  });
  if (opts.modelError) {
    messages.push({
      role: "assistant",
      content: [],
      stopReason: "error",
      errorMessage: opts.modelError,
    });
  } else {
    messages.push({
      role: "assistant",
      content: [{ type: "text", text: opts.answer ?? "Done." }],
      stopReason: "stop",
    });
  }
  return { messages, success: true, durationMs: 120, runId: "run" };
}

/** One full turn through the host: before_prompt_build, then agent_end. */
export async function runTurn(
  h: Harness,
  prompt: string,
  opts: {
    sessionKey?: string;
    runId?: string;
    answer?: string;
    tools?: { name: string; args: Record<string, unknown>; ok: boolean; output: string }[];
    modelError?: string;
    messages?: unknown[];
  } = {},
) {
  const ctx = userCtx(opts.sessionKey, opts.runId ?? `run-${h.logs.length}`);
  const injected = await h.host.beforePromptBuild({ prompt, messages: opts.messages ?? [] }, ctx);
  await h.host.agentEnd(agentEndEvent({ prompt, ...opts }), ctx);
  return injected;
}
