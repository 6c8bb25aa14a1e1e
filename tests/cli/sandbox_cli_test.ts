import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lshml } from "../_helpers/cli.ts";

/** The dashboard port the local-only permission set in deno.json allows. */
const DASHBOARD_PORT = 8420;

describe("the real CLI under the local-only permission set (deno run -P)", () => {
  let server: Deno.HttpServer | undefined;

  beforeAll(() => {
    server = Deno.serve(
      { hostname: "127.0.0.1", port: DASHBOARD_PORT, onListen: () => undefined },
      () => new Response("dashboard stand-in"),
    );
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it("is refused by Deno (NotCapable) when it fetches a non-loopback host", async () => {
    const run = await lshml(["sandbox", "probe", "https://example.com/", "--json"]);
    expect(run.code).toBe(3);
    const probe = JSON.parse(run.stdout);
    expect(probe.outcome).toBe("refused");
    expect(probe.error).toMatch(/^NotCapable: Requires net access to "example\.com:443"/);
  });

  it("may reach the loopback dashboard port", async () => {
    const run = await lshml(["sandbox", "probe", `http://127.0.0.1:${DASHBOARD_PORT}/`, "--json"]);
    expect(JSON.parse(run.stdout)).toEqual({
      url: `http://127.0.0.1:${DASHBOARD_PORT}/`,
      outcome: "allowed",
      status: 200,
    });
    expect(run.code).toBe(0);
  });

  it("reports the sandbox as local-only in doctor --json", async () => {
    const run = await lshml(["doctor", "--json"]);
    const report = JSON.parse(run.stdout);
    expect(report.sandbox.network).toBe("local-only");
    expect(report.sandbox.wider).toEqual([]);
    expect(report.home.source).toBe("checkout");
    expect(run.code).toBe(0);
  });

  it("reports -A as unrestricted and wider than needed", async () => {
    const run = await lshml(["doctor", "--json"], { sandbox: { flags: ["-A"] } });
    const report = JSON.parse(run.stdout);
    expect(report.sandbox.network).toBe("unrestricted");
    expect(report.warnings).toContain("wider than needed: network access to any host");
  });
});
