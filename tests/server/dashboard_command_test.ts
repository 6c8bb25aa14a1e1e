import { stat } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { withDefaultCommand } from "../../src/cli/program.ts";
import { tokenPath } from "../../src/server/mod.ts";
import { demoHome } from "./_fixtures.ts";
import { freePort, sandboxFlags, startDashboard } from "./_dashboard_process.ts";

let home: string;

beforeAll(async () => {
  ({ home } = await demoHome());
});

describe("withDefaultCommand()", () => {
  it("reads the seed's --dashboard as the dashboard command, with its options", () => {
    expect(withDefaultCommand(["--dashboard"])).toEqual(["dashboard"]);
    expect(withDefaultCommand(["--home", "h", "--dashboard", "--port", "9000"])).toEqual([
      "--home",
      "h",
      "dashboard",
      "--port",
      "9000",
    ]);
    expect(withDefaultCommand(["--port", "9000", "--dashboard"])).toEqual([
      "--port",
      "9000",
      "dashboard",
    ]);
  });
});

describe("lshml dashboard", () => {
  it("serves under the local-only sandbox, opens on the demo home, and stops cleanly on SIGTERM", async () => {
    const port = freePort();
    const dashboard = await startDashboard(["dashboard", "--home", home, "--port", String(port)], {
      flags: sandboxFlags(home, port),
    });
    expect(dashboard.output()).toContain(`lshml dashboard: http://127.0.0.1:${port}/`);
    expect(dashboard.output()).toMatch(/home\s+\S+ \(--home\): no cycles yet/);
    expect(dashboard.output()).toMatch(
      /demo\s+\S+ \(from lshml demo\): 5 cycles — the page opens on it/,
    );
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true });
    // An open event stream must not keep the server from stopping.
    const stream = await fetch(`http://127.0.0.1:${port}/api/changes?home=demo`);
    const reader = stream.body!.getReader();
    await reader.read();
    const started = Date.now();
    expect(await dashboard.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(dashboard.stderr()).toContain("stopping the dashboard");
    await reader.cancel().catch(() => {});
  });

  it("is what the seed's `lshml --dashboard` starts", async () => {
    const port = freePort();
    const dashboard = await startDashboard(
      ["--home", home, "--dashboard", "--port", String(port)],
      {
        flags: sandboxFlags(home, port),
      },
    );
    expect(dashboard.output()).toContain(`lshml dashboard: http://127.0.0.1:${port}/`);
    expect(await dashboard.stop()).toBe(0);
  });

  it("stops with the exact flag to add when the sandbox does not grant its port (exit 3)", async () => {
    const port = freePort();
    const other = freePort();
    const dashboard = await startDashboard(["dashboard", "--home", home, "--port", String(port)], {
      flags: sandboxFlags(home, other),
    });
    expect(await dashboard.exited).toBe(3);
    expect(dashboard.stderr()).toContain(`127.0.0.1:${port}`);
    expect(dashboard.stderr()).toContain("--allow-net=");
  });

  it("says the port is taken rather than crashing (exit 2)", async () => {
    const port = freePort();
    const first = await startDashboard(["dashboard", "--home", home, "--port", String(port)], {
      flags: sandboxFlags(home, port),
    });
    const second = await startDashboard(["dashboard", "--home", home, "--port", String(port)], {
      flags: sandboxFlags(home, port),
    });
    expect(await second.exited).toBe(2);
    expect(second.stderr()).toContain(`port ${port} on 127.0.0.1 is in use`);
    expect(await first.stop()).toBe(0);
  });

  it("beyond loopback: generates a token, shows it once, keeps it 0600 and requires it", async () => {
    const { home: own } = await demoHome();
    const port = freePort();
    const args = ["dashboard", "--home", own, "--host", "0.0.0.0", "--port", String(port)];
    const flags = sandboxFlags(own, port, "0.0.0.0");
    const first = await startDashboard(args, { flags });
    const token = first.output().match(/auth\?token=([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeDefined();
    expect(first.output()).toContain("shown only now");
    expect((await stat(tokenPath(own))).mode & 0o777).toBe(0o600);
    const base = `http://127.0.0.1:${port}`;
    expect(
      (await fetch(`${base}/api/health`).then(async (r) => (await r.body?.cancel(), r))).status,
    )
      .toBe(401);
    const authed = await fetch(`${base}/api/health`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(authed.status).toBe(200);
    await authed.body?.cancel();
    expect(await first.stop()).toBe(0);

    const second = await startDashboard(args, { flags });
    expect(second.output()).not.toContain(token!);
    expect(second.output()).toContain("the token is in");
    expect(await second.stop()).toBe(0);
  });
});
