import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { registerChanges } from "./changes_route.ts";
import { registerClusters } from "./clusters_route.ts";
import { registerEvents } from "./events_route.ts";
import { registerMemories } from "./memories_route.ts";
import { registerOverview } from "./overview_route.ts";
import { registerReview } from "./review_route.ts";
import { registerSession } from "./session_route.ts";
import { registerSettings } from "./settings_route.ts";
import { routeContext } from "./_route_context.ts";
import { accessGuard } from "./access_guard.ts";
import type { DashboardDeps } from "./dashboard_deps.ts";
import { errorResponse } from "./error_response.ts";
import { securityHeaders } from "./security_headers.ts";
import { serveStatic } from "./static_files.ts";

/** Request bodies are tiny (`{"verdict":"approve"}`); anything bigger is refused unread. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * The dashboard as a hono app (DESIGN §6.10): a JSON API over the engine's state, a server-sent
 * event stream of changes, and the static page from `dashboard/`. Routes are thin: they parse
 * their input with zod, call the engine's modules and shape the answer; one handler maps errors
 * to responses. No port: `Deno.serve(app.fetch)` runs it, and tests call `app.request()`.
 *
 * API (every route takes `?home=home|demo`):
 * - `GET /api/session` — version, CSRF token, the homes and which one to open on
 * - `GET /api/overview` — feedback loop over time, predictor training, knowledge health, memory,
 *   recent events
 * - `GET /api/clusters` — clusters with trend, last 14 days, examples, fix and lessons
 * - `GET /api/memories?q=&sort=&limit=` — list or search; `DELETE /api/memories/:id` forgets one
 * - `GET /api/events?limit=&before=`, `GET /api/verify`, `GET /api/capsules`,
 *   `GET /api/prompts/:id` — the evolution log
 * - `GET /api/review`; `POST /api/review/:id` `{verdict}` — the review queue
 * - `GET /api/settings` — effective configuration (secrets redacted), sandbox, data files
 * - `GET /api/changes` — server-sent events
 *
 * @example
 * ```ts
 * const app = createApp(deps);
 * const res = await app.request("http://127.0.0.1:8420/api/overview");
 * ```
 */
export function createApp(deps: DashboardDeps): Hono {
  const app = new Hono();
  const ctx = routeContext(deps);
  app.use("*", securityHeaders());
  app.use("*", accessGuard(deps.access, deps.csrfToken));
  app.use("/api/*", bodyLimit({ maxSize: MAX_BODY_BYTES }));
  registerSession(app, ctx);
  registerOverview(app, ctx);
  registerClusters(app, ctx);
  registerMemories(app, ctx);
  registerEvents(app, ctx);
  registerReview(app, ctx);
  registerSettings(app, ctx);
  registerChanges(app, ctx);
  app.all("/api/*", (c) => c.json({ error: `no such API: ${c.req.method} ${c.req.path}` }, 404));
  const files = deps.staticFiles;
  app.get("*", (c) => files ? serveStatic(c, files) : c.json({ error: "no page here" }, 404));
  app.notFound((c) => c.json({ error: `not found: ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => errorResponse(error, c, deps.log));
  return app;
}
