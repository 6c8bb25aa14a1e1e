import { join } from "node:path";
import { createAgentHost, createFileSessionStore } from "../agent/mod.ts";
import type { HookHandlerDeps, HookHandlerFactory, Logger } from "../agent_server/mod.ts";
import { homeEmbedder } from "../embed/mod.ts";
import { createRng } from "../learn/mod.ts";
import { createProviders } from "../llm/mod.ts";
import { EpisodicMemory, memoryConfigOf } from "../memory/mod.ts";
import { createRemoteClient, REMOTE_KEY_FILE, type RemoteClient } from "../remote/mod.ts";
import { homeKnowledge } from "./home_knowledge.ts";
import { type LocalMemoryPort, localMemoryPort } from "./local_memory_port.ts";
import { memoryEmbedder } from "./memory_embedder.ts";
import { sharedMemoryPort } from "./shared_memory_port.ts";

/** Options of {@link memoryHandlerFactory}; tests pass what they need to pin. */
export interface MemoryHandlerOptions {
  /** Seed of phase B's per-turn seeds (default: random, logged at start). */
  readonly seed?: number;
  /** For the model and hub clients (tests: a local server). */
  readonly fetch?: typeof fetch;
}

/**
 * The share of the plugin's hook budget a prompt may spend waiting for the hub: the rest is for
 * embedding, ranking and the round trip, so the answer still arrives in time.
 */
const HUB_BUDGET_SHARE = 0.5;

function openRemote(deps: HookHandlerDeps, local: LocalMemoryPort, parts: {
  readonly memory: EpisodicMemory;
  readonly embedder: ReturnType<typeof memoryEmbedder>;
  readonly fetch: typeof fetch | undefined;
}): { client: RemoteClient; port: LocalMemoryPort } {
  const { config } = deps.effective;
  const client = createRemoteClient({
    baseUrl: config.remote.baseUrl,
    timeoutMs: config.remote.timeoutMs,
    keyFile: join(deps.home.dir, REMOTE_KEY_FILE),
    log: (line) => deps.log.info(line),
    now: deps.now,
    ...(parts.fetch ? { fetch: parts.fetch } : {}),
  });
  deps.log.info(`lshml: remote sharing on (hub ${client.baseUrl}, space ${parts.embedder.space})`);
  return {
    client,
    port: sharedMemoryPort({
      local,
      client,
      space: parts.memory.embedder.space,
      embedder: parts.embedder,
      budgetMs: Math.min(config.remote.timeoutMs, deps.hookBudgetMs * HUB_BUDGET_SHARE),
      qOf: (id) => parts.memory.get(id)?.q,
      log: (line) => deps.log.info(line),
    }),
  };
}

/**
 * Registers with the hub while the engine starts (off every hook's path), so the first prompt
 * can already search it; waits at most `timeoutMs`. A hub that cannot be reached is only
 * logged: searches return nothing and registration is retried when one is made.
 */
async function registerEarly(client: RemoteClient, timeoutMs: number, log: Logger) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((
    resolve,
  ) => (timer = setTimeout(() => resolve("late"), timeoutMs)));
  try {
    const done = await Promise.race([client.register(), late]);
    if (done === "late") {
      log.warn(`lshml: the hub ${client.baseUrl} did not answer in ${timeoutMs} ms`);
    }
  } catch (error) {
    log.warn(`lshml: could not register with the hub: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The engine behind the OpenClaw hooks (`lshml agent serve`): the agent path (`src/agent`) over
 * this home's episodic memory, its cluster registry and fixes (live healing), the configured
 * reward and summary providers, a session file that survives engine restarts, and — only when
 * `remote.enabled` — the team hub. Memory upkeep and learning run off the hooks' path; closing
 * waits for both, so an engine told to stop loses no outcome.
 *
 * @example
 * ```ts
 * registerAgentCommand(program, deps, memoryHandlerFactory());
 * ```
 */
export function memoryHandlerFactory(options: MemoryHandlerOptions = {}): HookHandlerFactory {
  return {
    label: "memory",
    async create(deps) {
      const { config } = deps.effective;
      const { log, now } = deps;
      const home = deps.home.dir;
      const base = await homeEmbedder(config, {
        home,
        now,
        warn: (message) => log.warn(`lshml: ${message}`),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      const memory = await EpisodicMemory.open(home, {
        embedder: base,
        now,
        config: memoryConfigOf(config),
      });
      const embedder = memoryEmbedder(memory);
      const local = localMemoryPort({ memory, embedder, log: (line) => log.info(line) });
      const remote = config.remote.enabled
        ? openRemote(deps, local, { memory, embedder, fetch: options.fetch })
        : undefined;
      if (remote) await registerEarly(remote.client, config.remote.timeoutMs, log);
      const port = remote?.port ?? local;
      const seed = options.seed ?? crypto.getRandomValues(new Uint32Array(1))[0]!;
      log.info(`lshml: phase-b seeds drawn from rng seed=${seed}`);
      const clock = () => now().getTime();
      const host = createAgentHost({
        config,
        memory: port,
        embedder,
        knowledge: homeKnowledge({ home, now, warn: (line) => log.warn(line) }),
        ...createProviders(config, {
          log: (line) => log.warn(line),
          ...(options.fetch ? { fetch: options.fetch } : {}),
        }),
        now: clock,
        rng: createRng(seed),
        log: (line) => log.info(line),
        sessions: createFileSessionStore({ home, now: clock }),
      });
      // The engine starts while OpenClaw boots: pay the first turn's one-off costs now.
      await host.prepare();
      return {
        handle: (hook, event, ctx) => host.dispatch(hook, event, ctx),
        async close() {
          await host.idle();
          await port.idle();
        },
      };
    },
  };
}
