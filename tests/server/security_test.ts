import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, createApp, TOKEN_COOKIE } from "../../src/server/mod.ts";
import { CSRF, demoHome, ORIGIN, request, testDeps } from "./_fixtures.ts";

let home: string;

beforeAll(async () => {
  ({ home } = await demoHome({ review: true }));
});

const approve = { method: "POST", body: JSON.stringify({ verdict: "reject" }) } as const;

describe("a loopback dashboard", () => {
  it("answers only to this machine's loopback names, so DNS rebinding reads nothing", async () => {
    const app = createApp(testDeps(home));
    for (const host of ["127.0.0.1:8420", "localhost:8420", "[::1]:8420"]) {
      expect((await app.request(`http://${host}/api/health`)).status).toBe(200);
    }
    const rebound = await app.request("http://attacker.example:8420/api/session");
    expect(rebound.status).toBe(403);
    expect(JSON.stringify(await rebound.json())).not.toContain(CSRF);
    expect((await app.request("http://127.0.0.1:9999/api/health")).status).toBe(403);
  });

  it("refuses a state-changing request from another origin", async () => {
    const app = createApp(testDeps(home));
    const res = await request(app, "/api/review/ev-000006?home=demo", {
      ...approve,
      headers: { Origin: "http://attacker.example" },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toContain("cross-origin");
  });

  it("refuses a state-changing request without an Origin or without the CSRF token", async () => {
    const app = createApp(testDeps(home));
    const noOrigin = await app.request(`${ORIGIN}/api/review/ev-000006?home=demo`, {
      ...approve,
      headers: { "X-CSRF-Token": CSRF, "Content-Type": "application/json" },
    });
    expect(noOrigin.status).toBe(403);
    const noToken = await request(app, "/api/review/ev-000006?home=demo", {
      ...approve,
      headers: { "X-CSRF-Token": "wrong" },
    });
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).error).toContain("X-CSRF-Token");
  });

  it("lets a same-origin request with the token through to the route", async () => {
    const app = createApp(testDeps(home));
    const res = await request(app, "/api/review/ev-999999?home=demo", approve);
    expect(res.status).toBe(404); // reached decideReview: no such pending review
  });

  it("refuses a request body larger than it needs", async () => {
    const app = createApp(testDeps(home));
    const res = await request(app, "/api/review/ev-000006?home=demo", {
      method: "POST",
      body: JSON.stringify({ verdict: "approve", pad: "x".repeat(64 * 1024) }),
    });
    expect(res.status).toBe(413);
  });
});

describe("a dashboard bound beyond loopback", () => {
  const token = "a".repeat(43);
  const app = () => createApp(testDeps(home, { access: { kind: "token", token } }));

  it("answers nothing without the token, whatever the host", async () => {
    for (const path of ["/", "/api/session", "/api/overview", "/js/app.js"]) {
      const res = await app().request(`http://192.168.1.20:8420${path}`);
      expect(res.status).toBe(401);
    }
  });

  it("accepts the token as a bearer header", async () => {
    const res = await app().request("http://192.168.1.20:8420/api/session", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
  });

  it("turns the one-time URL into an HttpOnly, same-site cookie that then works", async () => {
    const visit = await app().request(`http://192.168.1.20:8420/auth?token=${token}`);
    expect(visit.status).toBe(303);
    expect(visit.headers.get("Location")).toBe("/");
    const cookie = visit.headers.get("Set-Cookie") ?? "";
    expect(cookie).toContain(`${TOKEN_COOKIE}=${token}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    const res = await app().request("http://192.168.1.20:8420/api/session", {
      headers: { Cookie: `${TOKEN_COOKIE}=${token}` },
    });
    expect(res.status).toBe(200);
  });

  it("refuses a wrong token at the one-time URL", async () => {
    const res = await app().request(`http://192.168.1.20:8420/auth?token=${"b".repeat(43)}`);
    expect(res.status).toBe(401);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it("still needs the same origin and the CSRF token to change anything", async () => {
    const res = await app().request("http://192.168.1.20:8420/api/review/ev-000006?home=demo", {
      ...approve,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    });
    expect(res.status).toBe(403);
  });
});

describe("security headers", () => {
  it("sends a strict Content-Security-Policy and friends on pages, API answers and errors", async () => {
    const app = createApp(testDeps(home));
    const responses = [
      await request(app, "/"),
      await request(app, "/api/overview?home=demo"),
      await request(app, "/api/overview?home=nowhere"),
      await app.request("http://evil.example/"),
    ];
    for (const res of responses) {
      expect(res.headers.get("Content-Security-Policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("X-Frame-Options")).toBe("DENY");
      expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(responses[1]?.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("static files", () => {
  it("serves the page and its modules with their types", async () => {
    const app = createApp(testDeps(home));
    const page = await request(app, "/");
    expect(page.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain('<script type="module" src="/js/app.js">');
    const script = await request(app, "/js/pages/overview.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
  });

  it("serves nothing outside the listed kinds, whatever exists on disk", async () => {
    const app = createApp(testDeps(home));
    for (const path of ["/README.md", "/../deno.json", "/%2e%2e/deno.json", "/js/../../main.ts"]) {
      expect((await request(app, path)).status).toBe(404);
    }
  });
});
