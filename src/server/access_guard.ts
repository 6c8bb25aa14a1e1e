import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AccessPolicy } from "./dashboard_deps.ts";
import { sameSecret } from "./dashboard_token.ts";

/** The cookie that carries the token after the one-time `/auth?token=…` visit. */
export const TOKEN_COOKIE = "lshml_dashboard_token";
/** The header the page sends the per-process CSRF token in. */
export const CSRF_HEADER = "X-CSRF-Token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host names a loopback dashboard answers to; anything else is DNS rebinding or a mistake. */
export function loopbackHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

function refuse(c: Context, status: 401 | 403, message: string) {
  return c.json({ error: message }, status);
}

function bearer(c: Context): string | undefined {
  const header = c.req.header("Authorization");
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** `/auth?token=…`: a correct token becomes an HttpOnly, same-site cookie; then on to the page. */
function authVisit(c: Context, token: string) {
  const given = c.req.query("token") ?? "";
  if (!sameSecret(given, token)) return refuse(c, 401, "wrong or missing token");
  setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: "Strict", path: "/" });
  return c.redirect("/", 303);
}

/**
 * Who may use the dashboard, and which requests may change something:
 * - loopback policy: the request's Host must be this machine's loopback name and port, so a web
 *   page that rebinds its own DNS name to 127.0.0.1 cannot read the API;
 * - token policy: every request carries the token (`Authorization: Bearer`, or the cookie set by
 *   the one-time URL `/auth?token=…`);
 * - either way, a state-changing request (anything but GET/HEAD/OPTIONS) must come from the
 *   dashboard's own origin (`Origin` header) and carry the per-process CSRF token (`X-CSRF-Token`),
 *   which only a page of this origin can read from `/api/session`.
 */
export function accessGuard(policy: AccessPolicy, csrfToken: string): MiddlewareHandler {
  const hosts = policy.kind === "loopback" ? loopbackHosts(policy.port) : undefined;
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (hosts && !hosts.has(url.host)) {
      return refuse(c, 403, `this dashboard answers only to ${[...hosts].join(", ")}`);
    }
    if (policy.kind === "token") {
      if (c.req.path === "/auth" && c.req.method === "GET") return authVisit(c, policy.token);
      const given = bearer(c) ?? getCookie(c, TOKEN_COOKIE) ?? "";
      if (!sameSecret(given, policy.token)) {
        return refuse(
          c,
          401,
          "this dashboard needs its token: open the /auth?token=… address lshml dashboard " +
            "printed, or send Authorization: Bearer <token> (the token is in memory/dashboard-token)",
        );
      }
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header("Origin");
      if (origin !== `${url.protocol}//${url.host}`) {
        return refuse(c, 403, "cross-origin request refused (the Origin must be this dashboard)");
      }
      if (!sameSecret(c.req.header(CSRF_HEADER) ?? "", csrfToken)) {
        return refuse(c, 403, `missing or wrong ${CSRF_HEADER} (reload the page)`);
      }
    }
    return await next();
  };
}
