import type { RedactOptions } from "../../redact/mod.ts";
import { IngestResponseSchema, type IngestResult, WIRE_LIMITS, type WireTriplet } from "../wire.ts";
import { withRetries } from "./_backoff.ts";
import { Breaker } from "./_breaker.ts";
import { requestJson } from "./_http.ts";
import { FeedbackQueue } from "./feedback_queue.ts";
import { IdentityKeeper } from "./_identity.ts";
import { prepareTriplet, type RemoteTriplet } from "./outgoing_triplet.ts";
import { RemoteError } from "./remote_error.ts";
import { parseHits, type RemoteMemory } from "./remote_memory.ts";

/** What {@link createRemoteClient} needs; the first three come from `remote.*` and the home. */
export interface RemoteClientOptions {
  /** The hub's API base, e.g. `http://127.0.0.1:8421/v1` (`remote.baseUrl`). */
  readonly baseUrl: string;
  /** Per-request timeout in ms (`remote.timeoutMs`). */
  readonly timeoutMs: number;
  /** The credentials file, `<home>/memory/remote-key.json` (see `REMOTE_KEY_FILE`). */
  readonly keyFile: string;
  readonly fetch?: typeof fetch;
  /** Wall clock; tests pass a fixed one. */
  readonly now?: () => Date;
  /** Where failures and recoveries are reported, one line each. */
  readonly log?: (line: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Uniform [0, 1) for retry jitter. */
  readonly random?: () => number;
  /** Tries per register, ingest batch and feedback report. Default 3. */
  readonly attempts?: number;
  /** Largest answer accepted, in bytes. Default 1 MiB. */
  readonly maxResponseBytes?: number;
  /** Longest remote experience kept, in characters. Default 2,000. */
  readonly maxTextChars?: number;
  /** Extra home directories `containsSecret` must treat as personal. */
  readonly redact?: RedactOptions;
  /** Feedback reports kept while the hub is unreachable. Default 256. */
  readonly feedbackQueueSize?: number;
}

/** Options of one search. */
export interface RemoteSearchOptions {
  /** Results wanted (1…20). Default 5. */
  readonly k?: number;
  /** The most this call may take, in ms; default `timeoutMs`. Never exceeded. */
  readonly budgetMs?: number;
  /** Cosine floor, checked locally. Default 0.15 (retrieval.delta). */
  readonly minSimilarity?: number;
}

/** What happened to one offered triplet. */
export type TripletOutcome =
  | IngestResult
  | { readonly status: "refused"; readonly reason: string }
  | { readonly status: "failed"; readonly reason: string };

/** What {@link RemoteClient.ingest} did, per triplet and in total. */
export interface IngestReport {
  readonly outcomes: readonly TripletOutcome[];
  /** Stored as new memories on the hub. */
  readonly stored: number;
  /** Merged into a near-duplicate already there. */
  readonly merged: number;
  /** Refused by the hub (quota, its own secret check, …). */
  readonly rejected: number;
  /** Refused here, never sent (a secret, a bad vector, …). */
  readonly refused: number;
  /** Not delivered (the hub unreachable after retries). */
  readonly failed: number;
}

/** Counters for `lshml doctor` and logs. */
export interface RemoteClientStats {
  readonly searches: number;
  /** Searches that returned [] because of a failure, a timeout or an open breaker. */
  readonly searchFailures: number;
  readonly breakerOpen: boolean;
  readonly feedback: { pending: number; sent: number; failed: number; dropped: number };
}

/** The remote shared-memory client (DESIGN §6.8). */
export interface RemoteClient {
  readonly baseUrl: string;
  /**
   * Registers this home with the hub once; later calls read the key file and send nothing.
   *
   * @throws {RemoteError} when the hub cannot be reached or answers nonsense.
   */
  register(): Promise<{ requestKeyId: string }>;
  /** Shares sanitised triplets; refuses any that still holds a secret. Never throws. */
  ingest(triplets: readonly RemoteTriplet[]): Promise<IngestReport>;
  /** Similar memories of `space` from the hub; [] on any failure or over budget. Never throws. */
  search(
    vector: ArrayLike<number>,
    space: string,
    options?: RemoteSearchOptions,
  ): Promise<RemoteMemory[]>;
  /** Reports the reward for remote memories used; returns at once (queued, retried). */
  feedback(ids: readonly string[], reward: number): void;
  /** Waits for queued feedback to be delivered or given up, at most `timeoutMs`. */
  flush(timeoutMs?: number): Promise<void>;
  stats(): RemoteClientStats;
}

const BREAKER_FAILURES = 3;
const BREAKER_COOL_DOWN_MS = 30_000;
const ID = /^m_[0-9a-f]{24}$/;
/** A float32 in its shortest decimal form (7 significant digits): a third of the bytes. */
const compact = (x: number) => Number(Math.fround(x).toPrecision(7));

/**
 * Creates the client that shares memories with a team hub. Guarantees: nothing is sent but
 * sanitised triplets — intent, experience, embedding, space id and Q — each re-checked with
 * `containsSecret` (refused, never redacted-and-sent); `search` settles within its budget
 * whatever the hub does (a deadline race, an abort, a size cap, a breaker after 3 failures) and
 * keeps only well-formed hits of the requested space whose similarity it recomputes itself;
 * `ingest` and `feedback` retry with jittered exponential backoff, off the agent's path.
 *
 * @example
 * ```ts
 * const client = createRemoteClient({
 *   baseUrl: config.remote.baseUrl,
 *   timeoutMs: config.remote.timeoutMs,
 *   keyFile: join(home, REMOTE_KEY_FILE),
 * });
 * const remote = await client.search(vector, embedder.space, { k: 5, budgetMs: 300 });
 * ```
 */
export function createRemoteClient(options: RemoteClientOptions): RemoteClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const attempts = Math.max(1, options.attempts ?? 3);
  const maxBytes = options.maxResponseBytes ?? 1024 * 1024;
  const maxTextChars = options.maxTextChars ?? 2000;
  const breaker = new Breaker(BREAKER_FAILURES, BREAKER_COOL_DOWN_MS);
  let searches = 0;
  let searchFailures = 0;
  const warned = new Set<string>();

  const warnOnce = (key: string, line: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    log(line);
  };
  const call = (path: string, body: unknown, key: string | undefined, deadlineMs: number) =>
    requestJson({
      fetch: fetcher,
      method: "POST",
      url: `${baseUrl}${path}`,
      body,
      ...(key ? { key } : {}),
      deadlineMs,
      maxBytes,
    });

  const policy = { attempts, sleep, random };
  const retrying = <T>(run: () => Promise<T>) => withRetries(run, policy);
  const identity = new IdentityKeeper({
    keyFile: options.keyFile,
    baseUrl,
    register: () => retrying(() => call("/clients/register", {}, undefined, options.timeoutMs)),
    now,
    log,
    warnOnce,
  });

  const queue = new FeedbackQueue(options.feedbackQueueSize ?? 256, async (item) => {
    try {
      await identity.authed((key) =>
        retrying(() => call("/memories/feedback", item, key, options.timeoutMs))
      );
    } catch (error) {
      warnOnce(
        `feedback:${(error as RemoteError).code}`,
        `lshml: remote feedback not delivered: ${(error as Error).message}`,
      );
      throw error;
    }
  });

  async function sendBatch(batch: readonly WireTriplet[]): Promise<TripletOutcome[]> {
    try {
      const answer = await identity.authed((key) =>
        retrying(() => call("/memories/ingest", { triplets: batch }, key, options.timeoutMs))
      );
      const parsed = IngestResponseSchema.safeParse(answer);
      if (!parsed.success || parsed.data.results.length !== batch.length) {
        throw new RemoteError("bad_response", "the hub's ingest answer is malformed");
      }
      return parsed.data.results;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warnOnce(`ingest:${reason}`, `lshml: remote ingest failed: ${reason}`);
      return batch.map(() => ({ status: "failed", reason }));
    }
  }

  return {
    baseUrl,
    register: async () => ({ requestKeyId: (await identity.ensure()).request_key_id }),
    async ingest(triplets) {
      const outcomes: TripletOutcome[] = new Array(triplets.length);
      const ready: { at: number; triplet: WireTriplet }[] = [];
      triplets.forEach((t, at) => {
        const prepared = prepareTriplet(t, options.redact);
        if (prepared.ok) ready.push({ at, triplet: prepared.triplet });
        else outcomes[at] = { status: "refused", reason: prepared.reason };
      });
      for (let i = 0; i < ready.length; i += WIRE_LIMITS.maxTripletsPerIngest) {
        const chunk = ready.slice(i, i + WIRE_LIMITS.maxTripletsPerIngest);
        const results = await sendBatch(chunk.map((r) => r.triplet));
        chunk.forEach((r, j) => (outcomes[r.at] = results[j]!));
      }
      const count = (status: TripletOutcome["status"]) =>
        outcomes.filter((o) => o.status === status).length;
      return {
        outcomes,
        stored: count("stored"),
        merged: count("merged"),
        rejected: count("rejected"),
        refused: count("refused"),
        failed: count("failed"),
      };
    },
    async search(vector, space, searchOptions = {}) {
      searches++;
      const started = now().getTime();
      const budget = Math.min(searchOptions.budgetMs ?? options.timeoutMs, options.timeoutMs);
      const k = Math.max(1, Math.min(WIRE_LIMITS.maxK, Math.trunc(searchOptions.k ?? 5)));
      const minSimilarity = searchOptions.minSimilarity ?? 0.15;
      const current = breaker.isOpen(started) || budget <= 0 ? undefined : await identity.known();
      if (!current) {
        searchFailures++;
        return [];
      }
      const body = {
        embedding: Array.from(vector, compact),
        space,
        k,
        min_similarity: minSimilarity,
      };
      try {
        const remaining = budget - (now().getTime() - started);
        const answer = await call("/memories/search", body, current.key, remaining);
        if (breaker.succeeded()) log(`lshml: the hub ${baseUrl} answers again`);
        return parseHits(answer, { query: vector, space, k, minSimilarity, maxTextChars });
      } catch (error) {
        searchFailures++;
        breaker.failed(now().getTime());
        const e = error as RemoteError;
        if (e.status === 401) identity.inBackground(current);
        if (e.code === "not_granted") warnOnce("not_granted", `lshml: ${e.message}`);
        else if (breaker.streak === 1) log(`lshml: remote search gave nothing: ${e.message}`);
        return [];
      }
    },
    feedback(ids, reward) {
      const valid = [...new Set(ids)].filter((id) => ID.test(id)).slice(
        0,
        WIRE_LIMITS.maxFeedbackIds,
      );
      if (valid.length === 0 || !Number.isFinite(reward)) return;
      queue.push({ ids: valid, reward: Math.max(-1, Math.min(1, reward)) });
    },
    flush: (timeoutMs) => queue.flush(timeoutMs),
    stats: () => ({
      searches,
      searchFailures,
      breakerOpen: breaker.isOpen(now().getTime()),
      feedback: queue.counts(),
    }),
  };
}
