/**
 * The dashboard's server (DESIGN §6.10): a hono app with a typed JSON API over the engine's
 * state, server-sent events when a home's files change, and the static page of `dashboard/`;
 * loopback-only by default, a token for any other address, CSRF checks and a strict
 * Content-Security-Policy.
 *
 * @module
 */
export { createApp, MAX_BODY_BYTES } from "./create_app.ts";
export type {
  AccessPolicy,
  ChangeEvent,
  ChangeNotifier,
  DashboardDeps,
  DashboardHome,
  StaticReader,
  Topic,
} from "./dashboard_deps.ts";
export { accessGuard, CSRF_HEADER, loopbackHosts, TOKEN_COOKIE } from "./access_guard.ts";
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./security_headers.ts";
export { loadOrCreateToken, randomToken, sameSecret, tokenPath } from "./dashboard_token.ts";
export type { TokenFile } from "./dashboard_token.ts";
export { POLL_INTERVAL_MS, pollingWatcher, WATCHED_FILES } from "./change_watcher.ts";
export type { PollingWatcher } from "./change_watcher.ts";
export { contentTypeOf, folderReader } from "./static_files.ts";
export {
  dashboardHomes,
  DEMO_MARKER,
  demoHomeDir,
  homeStatuses,
  preferredHome,
} from "./dashboard_homes.ts";
export type { HomeStatus } from "./dashboard_homes.ts";
export { HomeReader } from "./home_reader.ts";
export { feedbackTimeline, MAX_TIMELINE_POINTS } from "./feedback_timeline.ts";
export type { FeedbackTimeline, TimelinePoint } from "./feedback_timeline.ts";
export { knowledgeHealth } from "./knowledge_health.ts";
export type { KnowledgeHealth, Lesson } from "./knowledge_health.ts";
export { clusterRows, SHOWN_DAYS } from "./cluster_rows.ts";
export type { ClusterFix, ClusterRow } from "./cluster_rows.ts";
export { eventPage, eventRow } from "./event_rows.ts";
export type { EventRow } from "./event_rows.ts";
export { REDACTED, settingRows } from "./setting_rows.ts";
export type { SettingRow } from "./setting_rows.ts";
export { histogram, Q_BINS } from "./memory_view.ts";
export type {
  HistogramBin,
  MemoryHit,
  MemoryItem,
  MemoryOpener,
  MemorySearch,
  MemorySort,
  MemoryStats,
  MemoryView,
} from "./memory_view.ts";
export { errorResponse } from "./error_response.ts";
export type { ErrorBody } from "./error_response.ts";
export type { FileStatus, MemorySummary, OverviewResponse } from "./overview_route.ts";
export type { ClustersResponse } from "./clusters_route.ts";
export type { ForgetResponse, MemoriesResponse, MemoryEntry } from "./memories_route.ts";
export type {
  CapsulesResponse,
  EventsResponse,
  PromptResponse,
  VerifyResponse,
} from "./events_route.ts";
export type { ReviewEntry, ReviewResponse, VerdictResponse } from "./review_route.ts";
export type { SettingsResponse } from "./settings_route.ts";
export type { SessionResponse } from "./session_route.ts";
export type { ChangedMessage } from "./changes_route.ts";
export { serveDashboard } from "./serve_dashboard.ts";
export type { RunningDashboard, ServeOptions } from "./serve_dashboard.ts";
export { episodicMemoryOpener } from "./episodic_memory_view.ts";
