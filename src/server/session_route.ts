import type { Hono } from "hono";
import type { RouteContext } from "./_route_context.ts";
import type { AccessPolicy } from "./dashboard_deps.ts";
import { type HomeStatus, homeStatuses, preferredHome } from "./dashboard_homes.ts";

/** `GET /api/session`: what the page needs before anything else. */
export interface SessionResponse {
  readonly version: string;
  /** Sent back in `X-CSRF-Token` on every state-changing request. */
  readonly csrfToken: string;
  readonly homes: readonly HomeStatus[];
  /** The home to open on (the demo home when yours has no cycles yet and the demo has). */
  readonly preferred: HomeStatus["id"];
  readonly access: AccessPolicy["kind"];
  /** Whether this lshml can show episodic memories. */
  readonly memory: boolean;
}

/** Registers `GET /api/session` and `GET /api/health`. */
export function registerSession(app: Hono, ctx: RouteContext): void {
  app.get("/api/session", async (c) => {
    const homes = await homeStatuses(ctx.deps.homes, ctx.reader);
    const body: SessionResponse = {
      version: ctx.deps.version,
      csrfToken: ctx.deps.csrfToken,
      homes,
      preferred: preferredHome(homes),
      access: ctx.deps.access.kind,
      memory: ctx.deps.memory !== undefined,
    };
    return c.json(body);
  });
  app.get("/api/health", (c) => c.json({ ok: true, version: ctx.deps.version }));
}
