import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { EpisodicMemory } from "../../src/memory/mod.ts";
import { lshml, ROOT } from "../_helpers/cli.ts";
import { demoHome, XSS_LINES } from "../server/_fixtures.ts";
import {
  type DashboardProcess,
  freePort,
  sandboxFlags,
  startDashboard,
} from "../server/_dashboard_process.ts";
import { type Browser, launchBrowser, screenshot } from "./_browser/browser.ts";

/**
 * The dashboard in a real browser, the way a newcomer meets it: `lshml demo` fills a fresh home's
 * demo home with real cycles over the bundled sample, a cycle run with `--review` leaves a decision
 * (on error lines that carry script and HTML payloads), the episodic memory gets three memories
 * (one carrying a payload too), then `lshml dashboard` on that home, under the local-only
 * sandbox, and Debian's chromium.
 */

const MEMORY_PAYLOAD =
  `<img src=x onerror="globalThis.__lshmlXss=3"><script>globalThis.__lshmlXss=4</script>`;

/** Writes memories the way the plugin does (through src/memory), with some learned Q. */
async function addMemories(dir: string): Promise<void> {
  const memory = await EpisodicMemory.open(dir, {
    embedder: createLocalEmbedder({ dimensions: 512 }),
  });
  const [build, deploy] = await memory.addMany([
    {
      intent: "the build fails with ENOENT for scripts/run_tests.sh",
      experience: "Worked: list the scripts folder first; the tests run with scripts/test.sh.",
    },
    {
      intent: "deploy the documentation site",
      experience: `Use the deploy script. ${MEMORY_PAYLOAD}`,
    },
    { intent: "rename the release branch", experience: "Forget-me: rename it with git branch -m." },
  ]);
  await memory.updateQ([build!.id], 1);
  await memory.markSelected([build!.id]);
  await memory.updateQ([deploy!.id], -0.5);
}

let home: string;
let demo: string;
let dashboard: DashboardProcess;
let browser: Browser;
let origin: string;

const cliFlags = () => ["-P", `--allow-read=${ROOT},${home}`, `--allow-write=${home}`];

async function cli(args: readonly string[]): Promise<string> {
  const run = await lshml(args, { sandbox: { flags: cliFlags() } });
  if (run.code !== 0) {
    throw new Error(`lshml ${args.join(" ")} failed (${run.code}): ${run.stderr}`);
  }
  return run.stdout;
}

function demoState(): {
  evolution: { cycle: number; review: { id: string }[]; fixes: { eventId: string }[] };
} {
  return JSON.parse(readFileSync(join(demo, "memory", "state.json"), "utf8"));
}

beforeAll(async () => {
  home = Deno.makeTempDirSync({ prefix: "lshml-e2e-dashboard-" });
  demo = join(home, "memory", "demo");
  await cli(["demo", "--home", home]);
  const log = join(demo, "demo-agent.log");
  appendFileSync(log, XSS_LINES.map((line) => `${new Date().toISOString()} ${line}\n`).join(""));
  await cli([
    "run",
    "--review",
    "--home",
    demo,
    "--source",
    log,
    "--strategy",
    "repair-only",
    "--seed",
    "7",
  ]);
  expect(demoState().evolution.review.map((r) => r.id)).toEqual(["ev-000006"]);
  await addMemories(demo);
  const port = freePort();
  origin = `http://127.0.0.1:${port}`;
  dashboard = await startDashboard(["dashboard", "--home", home, "--port", String(port)], {
    flags: sandboxFlags(home, port),
  });
  expect(dashboard.output()).toContain(`${origin}/`);
  browser = await launchBrowser(origin);
});

afterAll(async () => {
  await browser?.close();
  if (dashboard) expect(await dashboard.stop()).toBe(0);
});

describe("the dashboard in chromium", () => {
  it("opens on the demo's learning: fixes proven and failed, the predictor trained", async () => {
    const { page } = browser;
    await page.goto(`${origin}/`);
    await page.locator(".tiles").first().waitFor();
    await expect.poll(() => page.locator("#live").textContent()).toBe("live");
    expect(await page.locator("#banner").textContent()).toContain(
      "You are looking at the demo home",
    );
    const tiles = await page.locator(".tiles").first().locator(".tile").allTextContents();
    expect(tiles[0]).toMatch(/^6\s*cycles/);
    expect(tiles.find((t) => t.includes("proven"))).toMatch(/^1/);
    expect(tiles.find((t) => t.includes("failed"))).toMatch(/^1/);
    const feedback = page.locator("figure", { hasText: "Feedback loop" });
    expect(await feedback.locator("path.area").count()).toBe(3);
    const training = page.locator("figure", { hasText: "Predictor training set" });
    expect(await training.locator("rect.bar").count()).toBe(1);
    expect(
      await page.locator("section", { hasText: "Last evolution events" }).locator("tbody tr")
        .count(),
    )
      .toBe(4);
    await screenshot(page, "overview");
    await screenshot(page, "overview-first-screen", { fullPage: false });
  });

  it("lists the clusters with their fixes, and shows an XSS payload in an error line as text", async () => {
    const { page } = browser;
    await page.goto(`${origin}/#/clusters`);
    await page.locator(".cluster").first().waitFor();
    const proven = page.locator(".cluster", { hasText: "read: File not found: <*>" });
    expect(await proven.locator(".badge-proven").count()).toBe(1);
    const payload = page.locator(".cluster", {
      hasText: '<img src=x onerror="globalThis.__lshmlXss',
    });
    await payload.locator("summary").click();
    await payload.locator(".examples li").first().waitFor();
    expect(await payload.locator(".examples").textContent()).toContain(
      "<script>globalThis.__lshmlXss=2</script>",
    );
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(
      await page.locator("figure", { hasText: "Largest clusters" }).locator("rect.bar").count(),
    )
      .toBeGreaterThan(5);
    await screenshot(page, "clusters");
    await screenshot(page, "clusters-first-screen", { fullPage: false });
  });

  it("approves a pending evolution, with the same effect as lshml review --approve", async () => {
    const { page } = browser;
    await page.goto(`${origin}/#/review`);
    const item = page.locator('[data-review="ev-000006"]');
    await item.waitFor();
    expect(await item.locator(".template").textContent()).toContain("<img src=x onerror=");
    expect(await page.locator("#review-count").textContent()).toBe("1");
    await screenshot(page, "review");
    await item.locator('button[data-verdict="approve"]').click();
    await page.locator(".notice.ok").waitFor();
    expect(await page.locator(".notice").textContent()).toContain("ev-000006: applied");
    await page.locator(".empty", { hasText: "Nothing waiting for review" }).waitFor();
    const state = demoState();
    expect(state.evolution.review).toEqual([]);
    expect(state.evolution.fixes.map((f) => f.eventId)).toContain("ev-000006");
    const review = await cli(["review", "--home", demo]);
    expect(review).toContain("nothing waiting for review");
  });

  it("shows the evolution log and verifies the chain on demand", async () => {
    const { page } = browser;
    await page.goto(`${origin}/#/events`);
    await page.locator('tr[data-event="ev-000006-approved"]').waitFor();
    expect(await page.locator("td.hash").first().textContent()).toBe("not verified");
    await page.getByRole("button", { name: "Verify hashes and chain" }).click();
    await page.locator(".ok-text").waitFor();
    expect(await page.locator(".ok-text").textContent()).toContain("the chain is intact");
    const hashes = await page.locator("td.hash").allTextContents();
    expect(hashes.length).toBe(5);
    expect(hashes.every((h) => h.includes("✓"))).toBe(true);
    await page.locator('tr[data-event="ev-000006"] button.disclose').click();
    await page.getByRole("button", { name: "Show the GEP prompt" }).click();
    await page.locator("pre.prompt").waitFor();
    expect(await page.locator("pre.prompt").textContent()).toContain(
      "<script>globalThis.__lshmlXss=2</script>",
    );
    await screenshot(page, "events");
  });

  it("updates live when a cycle runs in another process", async () => {
    const { page } = browser;
    await page.goto(`${origin}/#/overview`);
    await page.locator(".tiles").first().waitFor();
    await expect.poll(() => page.locator("#live").textContent()).toBe("live");
    const cycles = () => page.locator(".tiles .tile .tile-value").first().textContent();
    expect(await cycles()).toBe("6");
    const before = browser.watch.requested.filter((u) => u.startsWith("/api/overview")).length;
    await cli(["run", "--home", demo, "--source", join(demo, "demo-agent.log")]);
    await expect.poll(cycles, { timeout: 10_000 }).toBe("7");
    const after = browser.watch.requested.filter((u) => u.startsWith("/api/overview")).length;
    expect(after).toBeGreaterThan(before); // refetched, not reloaded
  });

  it("shows the settings read-only, with the sandbox and no secret", async () => {
    const { page } = browser;
    await page.goto(`${origin}/#/settings`);
    await page.locator("table.settings").waitFor();
    expect(await page.locator("table.settings").textContent()).toContain("dashboard.port");
    expect(await page.locator("section", { hasText: "Sandbox" }).first().textContent()).toContain(
      "network: local-only",
    );
    await screenshot(page, "settings");
  });

  it("searches memories, shows what would be injected, and forgets one from the file", async () => {
    const { page } = browser;
    await page.goto(`${origin}/#/memories`);
    await page.locator(".memory").first().waitFor();
    expect(await page.locator(".memory").count()).toBe(3);
    const deploy = page.locator(".memory", { hasText: "deploy the documentation site" });
    expect(await deploy.locator(".experience").textContent()).toContain(MEMORY_PAYLOAD);
    expect(await page.locator("main img, main script").count()).toBe(0);
    await screenshot(page, "memories");

    await page.getByRole("searchbox", { name: "search memories" }).fill(
      "the build fails with ENOENT for scripts/run_tests.sh",
    );
    await page.getByRole("button", { name: "Search" }).click();
    await page.locator('[data-injection="injected"] pre.injected').waitFor();
    const block = await page.locator('[data-injection="injected"] pre.injected').textContent();
    expect(block).toContain("<lshml-memories>");
    expect(block).toContain("list the scripts folder first");
    await screenshot(page, "memories-search");

    await page.getByRole("searchbox", { name: "search memories" }).fill("");
    await page.getByRole("button", { name: "Search" }).click();
    const branch = page.locator(".memory", { hasText: "rename the release branch" });
    await branch.waitFor();
    await branch.locator("button[data-forget]").click();
    expect(await branch.locator("button[data-forget]").textContent()).toBe("Really forget?");
    await branch.locator("button[data-forget]").click();
    await page.locator(".notice", { hasText: "Forgot" }).waitFor();
    await expect.poll(() => page.locator(".memory").count()).toBe(2);
    const dir = join(demo, "memory");
    const data = /^episodic-memory\.(?:json|vectors\.\d+\.f32|ops\.\d+\.jsonl)$/;
    for (const name of readdirSync(dir).filter((n) => data.test(n))) {
      expect(readFileSync(join(dir, name)).toString("latin1"), name).not.toContain("Forget-me");
    }
    const reopened = await EpisodicMemory.open(demo, {
      embedder: createLocalEmbedder({ dimensions: 512 }),
    });
    expect(reopened.size).toBe(2);
  });

  it("never ran a payload, opened a dialog, broke the Content-Security-Policy or left the machine", async () => {
    const { page, watch } = browser;
    expect(await page.evaluate(() => (globalThis as { __lshmlXss?: unknown }).__lshmlXss))
      .toBeUndefined();
    expect(watch.dialogs).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreign).toEqual([]);
    expect(watch.requested.filter((u) => u === "/x" || u.endsWith("/x"))).toEqual([]);
  });
});

/** Whether something already listens on 127.0.0.1:`port` (a dashboard the developer runs). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("the newcomer's path in the README", () => {
  it("`deno task demo`, then `lshml dashboard` (deno task start dashboard): the page shows the demo", async (ctx) => {
    if (await portTaken(8420)) ctx.skip("127.0.0.1:8420 is taken (a dashboard is running here)");
    const env = { HOME: Deno.makeTempDirSync({ prefix: "lshml-newcomer-" }) };
    const demoRun = await new Deno.Command(Deno.execPath(), {
      args: ["task", "--quiet", "demo"],
      cwd: ROOT,
      env: { NO_COLOR: "1", ...env },
      stdout: "null",
      stderr: "piped",
    }).output();
    expect(demoRun.code).toBe(0);
    const started = await startDashboard(["task", "--quiet", "start", "dashboard"], {
      command: "task",
      flags: [],
      env,
    });
    try {
      expect(started.output()).toContain("lshml dashboard: http://127.0.0.1:8420/");
      expect(started.output()).toMatch(/demo\s+memory\/demo \(from lshml demo\): 5 cycles/);
      const own = await launchBrowser("http://127.0.0.1:8420");
      try {
        await own.page.goto("http://127.0.0.1:8420/");
        await own.page.locator(".tiles").first().waitFor();
        expect(await own.page.locator("#banner").textContent()).toContain(
          "You are looking at the demo home (memory/demo in your home)",
        );
        const tiles = await own.page.locator(".tiles").first().locator(".tile").allTextContents();
        expect(tiles[0]).toMatch(/^5\s*cycles/);
        expect(tiles.find((t) => t.includes("proven"))).toMatch(/^1/);
        expect(tiles.find((t) => t.includes("failed"))).toMatch(/^1/);
        expect(own.watch.foreign).toEqual([]);
      } finally {
        await own.close();
      }
    } finally {
      expect(await started.stop()).toBe(0);
    }
  });
});

describe("a dashboard bound beyond loopback", () => {
  it("shows nothing without the token; the one-time URL lets the browser in, live", async () => {
    const { home: own } = await demoHome();
    const port = freePort();
    const started = await startDashboard(
      ["dashboard", "--home", own, "--host", "0.0.0.0", "--port", String(port)],
      { flags: sandboxFlags(own, port, "0.0.0.0") },
    );
    const token = started.output().match(/auth\?token=([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeDefined();
    const base = `http://127.0.0.1:${port}`;
    const browser2 = await launchBrowser(base);
    try {
      const refused = await browser2.page.goto(`${base}/`);
      expect(refused?.status()).toBe(401);
      expect(await browser2.page.locator("body").textContent()).toContain("needs its token");
      await browser2.page.goto(`${base}/auth?token=${token}`);
      expect(new URL(browser2.page.url()).pathname).toBe("/");
      await browser2.page.locator(".tiles").first().waitFor();
      await expect.poll(() => browser2.page.locator("#live").textContent()).toBe("live");
      const [cookie] = await browser2.context.cookies(base);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
      expect(browser2.watch.foreign).toEqual([]);
    } finally {
      await browser2.close();
      expect(await started.stop()).toBe(0);
    }
  });
});
