import type { Config } from "../config/mod.ts";
import type { Embedder } from "../embed/mod.ts";
import type { Rng } from "../learn/mod.ts";
import type { RewardProvider, Summarizer } from "../llm/mod.ts";
import type { KnowledgePort } from "./knowledge_port.ts";
import type { MemoryPort } from "./memory_port.ts";
import type { SessionStore } from "./session_store.ts";

/**
 * Everything the agent host works with, injected: no clock, randomness, file or network of its
 * own, so tests pass fakes and the OpenClaw bridge and the CLI pass real ones.
 */
export interface AgentHostOptions {
  /** The effective configuration (`runtime.*`, `retrieval.*`, `memory.*`, `experience.*`). */
  readonly config: Config;
  /** The episodic memory (MemRL). */
  readonly memory: MemoryPort;
  readonly embedder: Embedder;
  /** Error clusters and their fixes, for live healing. */
  readonly knowledge: KnowledgePort;
  readonly reward: RewardProvider;
  readonly summarizer: Summarizer;
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** Uniform numbers in [0, 1) for phase B's ε-greedy pick (seed it to replay). */
  readonly rng: Rng;
  /** One line per call; never receives secrets or full memory text. */
  readonly log: (line: string) => void;
  /** Keeps pending tasks across engine restarts; without it they live in this process only. */
  readonly sessions?: SessionStore;
  /** Extra home directories pass 1 hides (besides /home/*, /Users/*, C:\Users\*). */
  readonly homeDirs?: readonly string[];
}
