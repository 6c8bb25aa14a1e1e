/**
 * Remote sharing (DESIGN §6.8), off unless `remote.enabled` is true: the client that shares
 * sanitised memories with a team hub, and the hub itself (`lshml hub serve`).
 *
 * What travels: triplets of intent, experience, embedding, embedding-space id and Q, each
 * re-checked with `containsSecret` and refused if anything is found; the public request key id
 * names the contributor. What never travels: raw user text, transcripts, tool output, file
 * contents, paths of the home, the config, anything that failed redaction.
 *
 * The PostgreSQL driver is loaded only when `openPostgresHubStore` is called.
 *
 * @example
 * ```ts
 * import { createRemoteClient, REMOTE_KEY_FILE } from "./mod.ts";
 * const client = createRemoteClient({ baseUrl, timeoutMs: 3000, keyFile: join(home, REMOTE_KEY_FILE) });
 * await client.ingest([{ intent, experience, embedding, space, q }]);
 * const remote = await client.search(embedding, space, { k: 5, budgetMs: 300 });
 * ```
 *
 * @module
 */
export { createRemoteClient } from "./client/remote_client.ts";
export type {
  IngestReport,
  RemoteClient,
  RemoteClientOptions,
  RemoteClientStats,
  RemoteSearchOptions,
  TripletOutcome,
} from "./client/remote_client.ts";
export {
  readKeyFile,
  REMOTE_KEY_FILE,
  RemoteIdentitySchema,
  writeKeyFile,
} from "./client/key_file.ts";
export type { RemoteIdentity } from "./client/key_file.ts";
export { prepareTriplet } from "./client/outgoing_triplet.ts";
export type { OutgoingTriplet, RemoteTriplet } from "./client/outgoing_triplet.ts";
export type { RemoteMemory } from "./client/remote_memory.ts";
export { cleanUntrustedText } from "./client/untrusted_text.ts";
export type { UntrustedFlag, UntrustedText } from "./client/untrusted_text.ts";
export { RemoteError } from "./client/remote_error.ts";
export type { RemoteErrorCode } from "./client/remote_error.ts";
export { FeedbackQueue } from "./client/feedback_queue.ts";
export type { FeedbackItem } from "./client/feedback_queue.ts";

export { createHub } from "./hub/hub.ts";
export type { Hub, HubHealth, HubOptions, LeaderboardEntry } from "./hub/hub.ts";
export { createHubApp } from "./hub/hub_app.ts";
export type { HubAppDeps, HubBindings } from "./hub/hub_app.ts";
export { DEFAULT_HUB_LIMITS, hubLimits } from "./hub/hub_limits.ts";
export type { HubLimits } from "./hub/hub_limits.ts";
export type {
  ContributorStats,
  HubStore,
  HubWrite,
  IndexRow,
  MemoryRecord,
  NewMemory,
} from "./hub/hub_store.ts";
export { openSqliteHubStore } from "./hub/sqlite_hub_store.ts";
export type { SqliteHubStoreOptions } from "./hub/sqlite_hub_store.ts";
export { openPostgresHubStore } from "./hub/postgres_hub_store.ts";
export type { PostgresHubStoreOptions } from "./hub/postgres_hub_store.ts";
export { serveHub } from "./hub/serve_hub.ts";
export type { FetchApp, ServedHub, ServeHubOptions } from "./hub/serve_hub.ts";
export { SpaceIndex } from "./hub/space_index.ts";
export type { IndexHit } from "./hub/space_index.ts";
export { TokenBuckets } from "./hub/token_buckets.ts";
export { escapeHtml, LEADERBOARD_CSP, leaderboardPage } from "./hub/leaderboard_page.ts";

export * from "./wire.ts";
