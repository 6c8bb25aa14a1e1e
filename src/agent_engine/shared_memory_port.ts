import type { MemoryCandidate, NewMemory } from "../agent/mod.ts";
import type { RemoteClient, RemoteMemory } from "../remote/mod.ts";
import type { LocalMemoryPort } from "./local_memory_port.ts";
import type { MemoryEmbedder } from "./memory_embedder.ts";

/** Prefix of a hub memory's id among the candidates, so rewards find their way back. */
export const HUB_ID_PREFIX = "hub:";

/** Options of {@link sharedMemoryPort}. */
export interface SharedMemoryOptions {
  /** This home's memory. */
  readonly local: LocalMemoryPort;
  readonly client: RemoteClient;
  /**
   * The embedding space shared with the team: the configured embedder's own space. Vectors of
   * any other space (this home's fitted statistics) never go to the hub.
   */
  readonly space: string;
  /** The agent path's embedder: it knows which space each query vector was made in. */
  readonly embedder: MemoryEmbedder;
  /** How long a prompt may wait for the hub, in ms (less than the plugin's hook budget). */
  readonly budgetMs: number;
  /** The local Q of a stored memory, sent with it. */
  readonly qOf: (id: string) => number | undefined;
  readonly log: (line: string) => void;
}

/** A hub memory as a phase-A candidate: marked remote, its text untrusted like every memory. */
function candidateOf(hit: RemoteMemory): MemoryCandidate {
  return {
    id: `${HUB_ID_PREFIX}${hit.id}`,
    similarity: hit.similarity,
    q: hit.q,
    intent: hit.intent,
    experience: hit.experience,
    origin: "remote",
  };
}

const isHub = (id: string) => id.startsWith(HUB_ID_PREFIX);

/**
 * The memory port with opt-in sharing (DESIGN §6.8): phase A asks the hub for memories of the
 * same embedding space, within `budgetMs`, at the same time as the local search, and merges
 * them with the local candidates before phase B ranks them all; the reward of a turn that used
 * hub memories is reported to the hub for them; a memory learned here is offered to the hub
 * after it is stored (the client re-checks it for secrets and refuses rather than send). The
 * hub is never waited on beyond the budget and never breaks a turn: every failure gives
 * "no remote candidates".
 *
 * @example
 * ```ts
 * const port = sharedMemoryPort({ local, client, space, embedder, budgetMs: 750, qOf, log });
 * ```
 */
export function sharedMemoryPort(options: SharedMemoryOptions): LocalMemoryPort {
  const { local, client, space, log } = options;
  const sharing = new Set<Promise<void>>();

  const share = (memory: NewMemory, id: string) => {
    const job = client
      .ingest([{
        intent: memory.intent,
        experience: memory.experience,
        embedding: memory.vector,
        space,
        q: options.qOf(id) ?? 0,
      }])
      .then((report) => {
        log(
          `[lshml] remote ingest stored=${report.stored} merged=${report.merged} ` +
            `refused=${report.refused} rejected=${report.rejected} failed=${report.failed}`,
        );
      })
      .finally(() => sharing.delete(job));
    sharing.add(job);
  };

  return {
    async recall(vector, recallOptions) {
      const [found, remote] = await Promise.all([
        local.recall(vector, recallOptions),
        options.embedder.spaceOf(vector) === space
          ? client.search(vector, space, {
            k: recallOptions.k1,
            budgetMs: options.budgetMs,
            minSimilarity: recallOptions.delta,
          })
          : Promise.resolve([]),
      ]);
      const mine = Array.isArray(found)
        ? found
        : (found as { candidates: MemoryCandidate[] }).candidates;
      if (remote.length > 0) log(`[lshml] remote candidates=${remote.length}`);
      return [...mine, ...remote.map(candidateOf)];
    },
    rank: (candidates, rankOptions) => local.rank(candidates, rankOptions),
    async updateQ(ids, reward) {
      const shared = ids.filter(isHub).map((id) => id.slice(HUB_ID_PREFIX.length));
      if (shared.length > 0) client.feedback(shared, reward);
      return await local.updateQ(ids.filter((id) => !isHub(id)), reward);
    },
    markSelected: (ids) => local.markSelected(ids.filter((id) => !isHub(id))),
    async add(memory) {
      const result = await local.add(memory);
      if (memory.space === space) share(memory, result.id);
      return result;
    },
    stats: () => local.stats(),
    async idle() {
      await Promise.all([...sharing]);
      await local.idle();
      await client.flush(options.budgetMs);
    },
  };
}
