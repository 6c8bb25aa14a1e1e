import { z } from "zod";
import { optionalSetting, setting } from "./setting.ts";

/**
 * Every setting lshml has, with the seeds' names and defaults (DESIGN §5).
 * This is the one schema: the loader, `lshml config`, the README table and the
 * OpenClaw manifest all derive from it.
 */

const unit = z.number().min(0).max(1);
const cosine = z.number().min(-1).max(1);
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const httpUrl = z.url({ protocol: /^https?$/ });

/** One command as an argument vector: never a shell string. */
const argv = z.array(z.string().min(1)).min(1);

const evolveRun = {
  mode: setting(z.enum(["advise", "execute"]), "advise", {
    description:
      "advise: the chosen fix becomes the cluster's active fix and a GEP prompt file is written; execute: the executor applies it in the workspace.",
  }),
  executor: optionalSetting(argv, {
    description:
      "Execute mode: the command that gets the GEP prompt on stdin and works in the workspace.",
  }),
  workspace: optionalSetting(z.string().min(1), {
    description: "Execute mode: the git work tree the executor changes.",
    path: true,
  }),
  validate: setting(z.array(argv), [], {
    description: "Execute mode: the workspace's checks, run after every change (no shell).",
  }),
  canary: setting(z.array(argv), [], {
    description: "Execute mode: commands proving the evolved entry still loads.",
  }),
  timeoutMs: setting(int(1_000, 86_400_000), 600_000, {
    description: "Execute mode: time budget of the executor and of each check.",
  }),
  maxFiles: setting(int(1, 10_000), 20, {
    description: "Hard cap on files one evolution may change, whatever the gene allows.",
  }),
  maxLines: setting(int(1, 1_000_000), 500, {
    description: "Hard cap on lines one evolution may change, whatever the gene allows.",
  }),
  epsilon: setting(unit, 0.1, {
    description: "Exploration rate of gene selection (seeded, recorded, replayable).",
  }),
  loopMinSeconds: setting(int(1, 86_400), 60, {
    description: "`--loop`: shortest sleep between cycles (after a busy cycle).",
  }),
  loopMaxSeconds: setting(int(1, 86_400), 1800, {
    description: "`--loop`: longest sleep between cycles (after quiet ones).",
  }),
};

const evolve = z.object({
  allowSelfModify: setting(z.boolean(), false, {
    env: "EVOLVE_ALLOW_SELF_MODIFY",
    description: "Allow evolution to modify lshml's own source code. Not recommended.",
  }),
  loadMax: setting(z.number().min(0), 2.0, {
    env: "EVOLVE_LOAD_MAX",
    description: "Maximum 1-minute load average before `lshml run --loop` backs off.",
  }),
  strategy: setting(
    z.enum([
      "balanced",
      "innovate",
      "harden",
      "repair-only",
      "early-stabilize",
      "steady-state",
      "auto",
    ]),
    "balanced",
    {
      env: "EVOLVE_STRATEGY",
      description: "Evolution strategy: the repair/optimize/innovate mix of each cycle.",
    },
  ),
  ...evolveRun,
});

const ollama = z.object({
  url: setting(httpUrl, "http://localhost:11434", {
    env: "OLLAMA_URL",
    description: "Ollama API endpoint, used only when a provider is set to ollama.",
  }),
  embedModel: setting(z.string().min(1), "llama3.2:3b", {
    env: "OLLAMA_EMBED_MODEL",
    description: "Ollama model used for embeddings when embedding.provider is ollama.",
  }),
});

const dashboard = z.object({
  port: setting(int(1, 65535), 8420, {
    env: "LSHML_DASHBOARD_PORT",
    description: "Port of the local dashboard server.",
  }),
  host: setting(z.string().min(1), "127.0.0.1", {
    env: "LSHML_DASHBOARD_HOST",
    description: "Address the dashboard binds to; anything but loopback requires a token.",
  }),
});

const openai = z.object({
  apiKey: optionalSetting(z.string().min(1), {
    env: "OPENAI_API_KEY",
    description: "OpenAI API key; only read when a provider is set to openai.",
    secret: true,
  }),
  baseUrl: setting(httpUrl, "https://api.openai.com/v1", {
    env: "OPENAI_BASE_URL",
    description: "OpenAI-compatible API base URL; its host must be granted to the sandbox.",
  }),
});

const openclaw = z.object({
  stateDir: setting(z.string().min(1), "~/.openclaw", {
    env: "OPENCLAW_STATE_DIR",
    description:
      "OpenClaw state directory whose agents' transcripts lshml reads ($OPENCLAW_HOME/.openclaw when OPENCLAW_HOME is set).",
    path: true,
  }),
});

const runtime = z.object({
  minPromptChars: setting(int(1, 200), 6, {
    description: "Prompts shorter than this are not treated as tasks.",
  }),
  observeTurns: setting(int(0, 500), 0, {
    description: "First N turns only observe and skip Q-value learning updates.",
  }),
  minAbsReward: setting(unit, 0.15, {
    description: "Skip learning updates when the reward magnitude is below this.",
  }),
  minRewardConfidence: setting(unit, 0.55, {
    description: "Skip learning updates when the reward confidence is below this.",
  }),
  learnMode: setting(z.enum(["balanced", "tools_only", "all"]), "balanced", {
    description:
      "balanced: prefer tool turns, no-tool turns need strong feedback; tools_only; all.",
  }),
  noToolMinAbsReward: setting(unit, 0.8, {
    description: "In balanced mode, no-tool turns must reach this reward magnitude to learn.",
  }),
  noToolMinRewardConfidence: setting(unit, 0.9, {
    description: "In balanced mode, no-tool turns must reach this confidence to learn.",
  }),
  newIntentSimilarityThreshold: setting(cosine, 0.35, {
    description: "A prompt less similar than this to the open task starts a new task.",
  }),
  idleTurnsToClose: setting(int(0, 20), 2, {
    description: "Close a pending task after this many turns without feedback.",
  }),
  pendingTtlMs: setting(int(1_000, 86_400_000), 300_000, {
    description: "Close a pending task after this many milliseconds.",
  }),
  maxTurnsPerTask: setting(int(1, 100), 5, {
    description: "Close a task after this many turns.",
  }),
});

const retrieval = z.object({
  k1: setting(int(1, 100), 5, { description: "Phase A: candidates kept after the gate." }),
  k2: setting(int(1, 20), 3, { description: "Phase B: memories injected into the prompt." }),
  delta: setting(cosine, 0.15, {
    description: "Phase A: minimum cosine similarity to be a candidate.",
  }),
  tau: setting(cosine, 0.85, {
    description: "Inject memories only when the best similarity reaches this.",
  }),
  lambda: setting(unit, 0.5, {
    description: "Phase B: weight of z(Q) against z(similarity).",
  }),
  epsilon: setting(unit, 0.1, {
    description: "Phase B: exploration rate of the epsilon-greedy pick.",
  }),
});

const learning = z.object({
  alpha: setting(z.number().gt(0).max(1), 0.3, {
    description: "Q-learning step size: Q <- Q + alpha (r - Q).",
  }),
  gamma: setting(unit, 0, { description: "Discount of the bootstrap term (0: bandit update)." }),
  qInit: setting(cosine, 0, { description: "Q value of a new memory." }),
  rewardSuccess: setting(z.number().min(-1).max(2), 1, {
    description: "Reward of a task the user confirmed.",
  }),
  rewardFailure: setting(z.number().min(-2).max(1), -1, {
    description: "Reward of a task the user rejected.",
  }),
});

const memory = z.object({
  maxEntries: setting(int(20, 1_000_000), 200, {
    description: "Maximum episodic memories kept; over it, the least valuable go.",
  }),
  maxExperienceChars: setting(int(120, 12_000), 1200, {
    description: "Longest experience text stored per memory.",
  }),
  includeFailures: setting(z.boolean(), true, {
    description: "Also store memories of tasks that failed, as warnings.",
  }),
});

/** Fields shared by the providers that can call a model (reward, summarizer, embeddings). */
const modelAccess = {
  model: optionalSetting(z.string().min(1), {
    description: "Model name; unset means the provider's default.",
  }),
  apiKey: optionalSetting(z.string().min(1), {
    description: "API key for this provider; unset falls back to OPENAI_API_KEY.",
    secret: true,
  }),
  baseUrl: optionalSetting(httpUrl, {
    description: "Endpoint for this provider; unset means OPENAI_BASE_URL or OLLAMA_URL.",
  }),
};

const reward = z.object({
  provider: setting(z.enum(["heuristic", "ollama", "openai"]), "heuristic", {
    description: "Who scores feedback: heuristic (no model), ollama or openai.",
  }),
  ...modelAccess,
  temperature: setting(unit, 0, { description: "Sampling temperature of the reward model." }),
});

const experience = z.object({
  summarizer: setting(z.enum(["extractive", "ollama", "openai"]), "extractive", {
    description: "Who writes a memory's experience text: extractive (no model), ollama, openai.",
  }),
  ...modelAccess,
  temperature: setting(unit, 0, { description: "Sampling temperature of the summarizer." }),
  maxToolEvents: setting(int(1, 100), 12, {
    description: "Tool events considered per experience.",
  }),
  maxRawChars: setting(int(200, 20_000), 2200, {
    description: "Raw trace characters given to the summarizer.",
  }),
  maxSummaryChars: setting(int(100, 4000), 700, {
    description: "Longest summary kept.",
  }),
});

const embedding = z.object({
  provider: setting(z.enum(["local", "ollama", "openai"]), "local", {
    description: "Embedder: local (no network, multilingual), ollama, or openai.",
  }),
  ...modelAccess,
  dimensions: setting(int(16, 4096), 512, {
    description: "Vector size of the local embedder (and of openai when it supports it).",
  }),
});

const remote = z.object({
  enabled: setting(z.boolean(), false, {
    description: "Share sanitised memories with a hub. Off by default: privacy first.",
  }),
  baseUrl: setting(httpUrl, "http://127.0.0.1:8421/v1", {
    description: "Hub API base URL (your team's `lshml hub serve`); its host must be granted.",
  }),
  timeoutMs: setting(int(100, 60_000), 3000, {
    description: "Per-request timeout for the hub.",
  }),
});

/** The whole configuration. Sections default to their defaults, so `{}` is valid. */
export const ConfigSchema = z.object({
  evolve: evolve.strict().prefault({}),
  ollama: ollama.strict().prefault({}),
  dashboard: dashboard.strict().prefault({}),
  openai: openai.strict().prefault({}),
  openclaw: openclaw.strict().prefault({}),
  runtime: runtime.strict().prefault({}),
  retrieval: retrieval.strict().prefault({}),
  learning: learning.strict().prefault({}),
  memory: memory.strict().prefault({}),
  reward: reward.strict().prefault({}),
  experience: experience.strict().prefault({}),
  embedding: embedding.strict().prefault({}),
  remote: remote.strict().prefault({}),
}).strict().check((ctx) => {
  const { loopMinSeconds, loopMaxSeconds } = ctx.value.evolve;
  if (loopMinSeconds > loopMaxSeconds) {
    ctx.issues.push({
      code: "custom",
      path: ["evolve", "loopMinSeconds"],
      message: `must be at most evolve.loopMaxSeconds (${loopMaxSeconds})`,
      input: loopMinSeconds,
    });
  }
  const { k1, k2 } = ctx.value.retrieval;
  if (k2 > k1) {
    ctx.issues.push({
      code: "custom",
      path: ["retrieval", "k2"],
      message: `must be at most retrieval.k1 (${k1})`,
      input: k2,
    });
  }
});

/** The effective configuration, after defaults. */
export type Config = z.output<typeof ConfigSchema>;
