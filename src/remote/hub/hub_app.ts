import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import {
  FeedbackRequestSchema,
  HubKeySchema,
  IngestRequestSchema,
  SearchRequestSchema,
} from "../wire.ts";
import type { Hub } from "./hub.ts";
import { LEADERBOARD_CSP, leaderboardPage } from "./leaderboard_page.ts";
import { TokenBuckets } from "./token_buckets.ts";

/** What {@link createHubApp} serves. */
export interface HubAppDeps {
  readonly hub: Hub;
  /** Wall clock in ms; tests pass a fixed one. */
  readonly now?: () => number;
  /** Where unexpected errors are reported (their details never reach the client). */
  readonly log?: (line: string) => void;
}

/** What the server adapter passes with each request. */
export interface HubBindings {
  /** The peer's address, for the registration rate limit. */
  readonly remoteAddr?: string;
}

type Env = { Bindings: HubBindings; Variables: { keyId: string } };

const json = <T>(c: Context<Env>, schema: z.ZodType<T>): Promise<T> =>
  c.req.json().then((body) => schema.parse(body), (cause) => {
    throw new HTTPException(400, { message: "the body is not valid JSON", cause });
  });

function errorBody(error: unknown, c: Context<Env>, log?: (line: string) => void): Response {
  if (error instanceof HTTPException) {
    const response = error.getResponse();
    if (response.headers.get("content-type")?.includes("json")) return response;
    return c.json({ error: error.message || "request refused" }, error.status, {
      ...Object.fromEntries(response.headers),
    });
  }
  if (error instanceof z.ZodError) {
    // The issues name the field and the rule; they never echo what was sent.
    return c.json({
      error: "invalid request",
      issues: error.issues.slice(0, 20).map((i) => ({
        path: i.path.join(".") || "(body)",
        message: i.message,
      })),
    }, 400);
  }
  log?.(
    `lshml hub: ${c.req.method} ${c.req.path} failed: ${
      error instanceof Error ? (error.stack ?? error.message) : String(error)
    }`,
  );
  return c.json({ error: "internal error; the hub's log has the details" }, 500);
}

/** Throws 429 with Retry-After when `key`'s bucket lacks `cost` tokens. */
function limit(buckets: TokenBuckets, key: string, cost: number, now: number): void {
  const taken = buckets.take(key, cost, now);
  if (!taken.ok) {
    const res = new Response(
      JSON.stringify({ error: `rate limit: retry in ${taken.retryAfterS} s` }),
      {
        status: 429,
        headers: {
          "content-type": "application/json",
          "retry-after": String(taken.retryAfterS),
        },
      },
    );
    throw new HTTPException(429, { res });
  }
}

/**
 * The hub's HTTP API (hono), routes under `/v1` as the self-evolve seed's:
 * `POST /v1/clients/register` → `{request_key_id, key}`; `POST /v1/memories/ingest`,
 * `POST /v1/memories/search`, `POST /v1/memories/feedback` with `Authorization: Bearer <key>`;
 * `GET /v1/health`; `GET /leaderboard` (HTML for browsers, JSON with `?format=json` or
 * `Accept: application/json`). Every body is size-limited and validated by the schemas in
 * `wire.ts`; every key has a token bucket; registration has one per address.
 *
 * @example
 * ```ts
 * const app = createHubApp({ hub: createHub({ store }) });
 * const res = await app.request("/v1/health");
 * ```
 */
export function createHubApp(deps: HubAppDeps): Hono<Env> {
  const { hub } = deps;
  const now = deps.now ?? Date.now;
  const { limits } = hub;
  const perKey = new TokenBuckets({ perSecond: limits.ratePerSecond, burst: limits.rateBurst });
  const perAddress = new TokenBuckets({
    perSecond: limits.registerPerMinute / 60,
    burst: limits.registerPerMinute,
  });
  const app = new Hono<Env>();

  app.use("*", async (c, next) => {
    await next();
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("Cache-Control", "no-store");
    c.res.headers.set("Referrer-Policy", "no-referrer");
  });
  app.use(
    "/v1/*",
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: (c) => c.json({ error: `the body exceeds ${limits.maxBodyBytes} bytes` }, 413),
    }),
  );
  const authenticated: MiddlewareHandler<Env> = async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? "";
    const keyId = HubKeySchema.safeParse(key).success ? await hub.authenticate(key) : undefined;
    if (!keyId) {
      c.header("WWW-Authenticate", 'Bearer realm="lshml-hub"');
      return c.json({ error: "a valid bearer key is required (POST /v1/clients/register)" }, 401);
    }
    c.set("keyId", keyId);
    return await next();
  };

  app.post("/v1/clients/register", async (c) => {
    limit(perAddress, `addr:${c.env?.remoteAddr ?? "unknown"}`, 1, now());
    return c.json(await hub.register(), 201);
  });
  app.post("/v1/memories/ingest", authenticated, async (c) => {
    const body = await json(c, IngestRequestSchema);
    limit(perKey, c.var.keyId, body.triplets.length, now());
    return c.json({ results: await hub.ingest(c.var.keyId, body.triplets) });
  });
  app.post("/v1/memories/search", authenticated, async (c) => {
    limit(perKey, c.var.keyId, 1, now());
    const body = await json(c, SearchRequestSchema);
    return c.json({ space: body.space, results: await hub.search(body) });
  });
  app.post("/v1/memories/feedback", authenticated, async (c) => {
    limit(perKey, c.var.keyId, 1, now());
    const body = await json(c, FeedbackRequestSchema);
    return c.json({ updated: await hub.feedback(c.var.keyId, body.ids, body.reward) });
  });
  app.get("/v1/health", async (c) => c.json(await hub.health()));
  app.get("/v1/leaderboard", async (c) => c.json({ entries: await hub.leaderboard() }));
  app.get("/leaderboard", async (c) => {
    const entries = await hub.leaderboard();
    const format = c.req.query("format");
    const wantsJson = format === "json" ||
      (format !== "html" && !(c.req.header("accept") ?? "").includes("text/html"));
    if (wantsJson) return c.json({ entries });
    c.header("Content-Security-Policy", LEADERBOARD_CSP);
    c.header("X-Frame-Options", "DENY");
    return c.html(leaderboardPage(entries, new Date(now())));
  });
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => errorBody(error, c, deps.log));
  return app;
}
