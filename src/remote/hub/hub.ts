import type {
  IngestResult,
  RegisterResponse,
  SearchRequest,
  WireHit,
  WireTriplet,
} from "../wire.ts";
import { checkTriplets, unitVector } from "./_ingest_plan.ts";
import { ingestInTransaction } from "./_ingest_tx.ts";
import { HubIndex } from "./hub_index.ts";
import { hashKey, newClientKey } from "./hub_keys.ts";
import { type HubLimits, hubLimits } from "./hub_limits.ts";
import { type HubStore, MEMORY_CREDIT } from "./hub_store.ts";

/** What {@link createHub} needs. */
export interface HubOptions {
  readonly store: HubStore;
  readonly limits?: Partial<HubLimits>;
  /** Wall clock in ms since the epoch; tests pass a fixed one. */
  readonly now?: () => number;
  /** Random bytes for keys and ids; crypto-strong by default. */
  readonly randomBytes?: (n: number) => Uint8Array;
}

/** One row of the contribution ranking. */
export interface LeaderboardEntry {
  readonly rank: number;
  readonly request_key_id: string;
  readonly memories: number;
  readonly merged: number;
  readonly uses: number;
  readonly helpful: number;
  readonly reward_sum: number;
  /** reward_sum + 0.1 × memories. */
  readonly score: number;
}

/** What `GET /v1/health` reports. */
export interface HubHealth {
  readonly status: "ok";
  readonly store: "sqlite" | "postgres";
  readonly version: number;
  readonly memories: number;
  readonly clients: number;
  readonly spaces: readonly { space: string; dims: number; memories: number }[];
  readonly uptime_s: number;
}

/** The shared-memory hub, without HTTP: what `createHubApp` serves. */
export interface Hub {
  readonly limits: HubLimits;
  readonly store: HubStore;
  /** Creates a client: a public request key id and a bearer key (returned once, stored hashed). */
  register(): Promise<RegisterResponse>;
  /** The request key id of a bearer key, or `undefined` when the key is unknown. */
  authenticate(key: string): Promise<string | undefined>;
  /** Stores, merges or refuses each triplet (results in input order). */
  ingest(requestKeyId: string, triplets: readonly WireTriplet[]): Promise<IngestResult[]>;
  /** The k most similar memories of `space` at or above `min_similarity`. */
  search(request: SearchRequest): Promise<WireHit[]>;
  /** Applies a reward to memories another agent used (Q ← Q + α(r − Q)). */
  feedback(requestKeyId: string, ids: readonly string[], reward: number): Promise<number>;
  /** The contribution ranking, best first. */
  leaderboard(limit?: number): Promise<LeaderboardEntry[]>;
  health(): Promise<HubHealth>;
}

/**
 * A float32 as the shortest number that reads back to the same float32 (7 significant digits):
 * a search answer carries vectors, and "0.0123457" is a third of "0.012345678918766975".
 */
const float32Text = (x: number) => Number(x.toPrecision(7));

/** Rounds for display: the leaderboard shows sums, not float noise. */
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The hub's engine. Ingest runs in one store transaction: it catches the index up under the
 * ingest lock (so the near-duplicate check sees every committed memory, from any process),
 * then for each triplet merges it into an existing memory of the same space at cosine ≥
 * `duplicateSimilarity`, or refuses it over a quota, or stores it with Q = w·q (see
 * `reportedQWeight`). Search refreshes the index, ranks by cosine, and reads text and the live Q
 * from the store.
 *
 * @example
 * ```ts
 * const hub = createHub({ store: openSqliteHubStore("hub.sqlite") });
 * const { request_key_id, key } = await hub.register();
 * ```
 */
export function createHub(options: HubOptions): Hub {
  const { store } = options;
  const limits = hubLimits(options.limits);
  const now = options.now ?? Date.now;
  const random = options.randomBytes;
  const index = new HubIndex();
  const known = new Map<string, string>();
  const started = now();

  return {
    limits,
    store,
    async register() {
      const { requestKeyId, key } = newClientKey(random);
      await store.addClient({ requestKeyId, keyHash: hashKey(key), createdMs: now() });
      return { request_key_id: requestKeyId, key };
    },
    async authenticate(key) {
      const hash = hashKey(key);
      const cached = known.get(hash);
      if (cached) return cached;
      const keyId = await store.clientByKeyHash(hash);
      if (keyId) known.set(hash, keyId);
      return keyId;
    },
    async ingest(keyId, triplets) {
      const { refused, checked } = checkTriplets(triplets);
      const results = new Map<number, IngestResult>();
      for (const [at, reason] of refused) results.set(at, { status: "rejected", reason });
      if (checked.length > 0) {
        const done = await store.ingest((tx) =>
          ingestInTransaction({ index, limits, now, random }, { keyId, checked, tx })
        );
        index.catchUp(
          done.fresh.map((m) => ({ ...m, version: done.version })),
          done.version,
        );
        for (const [at, result] of done.results) results.set(at, result);
      }
      return triplets.map((_, at) => results.get(at)!);
    },
    async search(request) {
      await index.refresh(store);
      const space = index.space(request.space);
      const query = unitVector(request.embedding);
      if (!space || !query || space.dims !== query.length) return [];
      const hits = space.search(query, request.k, request.min_similarity);
      const records = new Map((await store.records(hits.map((h) => h.id))).map((r) => [r.id, r]));
      return hits.flatMap((hit): WireHit[] => {
        const record = records.get(hit.id);
        if (!record) return [];
        return [{
          id: hit.id,
          space: record.space,
          intent: record.intent,
          experience: record.experience,
          embedding: Array.from(hit.embedding, float32Text),
          similarity: hit.similarity,
          q: record.q,
          uses: record.uses,
          contributor: record.contributor,
        }];
      });
    },
    async feedback(keyId, ids, reward) {
      const { updated } = await store.feedback({ ids, reward, alpha: limits.alpha, from: keyId });
      return updated;
    },
    async leaderboard(limit = 50) {
      return (await store.leaderboard(limit)).map((c, i) => ({
        rank: i + 1,
        request_key_id: c.requestKeyId,
        memories: c.memories,
        merged: c.merged,
        uses: c.uses,
        helpful: c.helpful,
        reward_sum: round3(c.rewardSum),
        score: round3(c.rewardSum + MEMORY_CREDIT * c.memories),
      }));
    },
    async health() {
      await index.refresh(store);
      const counts = await store.counts();
      return {
        status: "ok",
        store: store.kind,
        version: index.version,
        memories: counts.memories,
        clients: counts.clients,
        spaces: index.spaces(),
        uptime_s: Math.round((now() - started) / 1000),
      };
    },
  };
}
