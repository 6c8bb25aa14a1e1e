import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { resolveConfig } from "../../src/config/mod.ts";
import type { Config } from "../../src/config/mod.ts";
import { runDemo } from "../../src/demo/mod.ts";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { runCycle } from "../../src/evolve/mod.ts";
import type { ChangeEvent, ChangeNotifier, DashboardDeps } from "../../src/server/mod.ts";
import { createApp, dashboardHomes, DEMO_MARKER, folderReader } from "../../src/server/mod.ts";
import { logFileSource } from "../../src/signals/mod.ts";
import { ROOT } from "../_helpers/cli.ts";

/** The clock of every fixture: a day after the bundled sample was recorded. */
export const NOW = new Date("2026-11-22T12:00:00.000Z");
export const now = () => NOW;
export const PORT = 8420;
export const ORIGIN = `http://127.0.0.1:${PORT}`;
export const CSRF = "test-csrf-token-0123456789";

/**
 * Error lines that try to run script in the page: shown as text, they do nothing. Each sets a
 * flag if it ever executes, and `<img src=x>` would also fetch `/x` if it were parsed as HTML.
 */
export const XSS_LINES = [
  `ERROR tool exec failed: <img src=x onerror="globalThis.__lshmlXss=1"> <script>globalThis.__lshmlXss=2</script> at step 7`,
  `ERROR tool exec failed: <img src=x onerror="globalThis.__lshmlXss=1"> <script>globalThis.__lshmlXss=2</script> at step 9`,
];

/** The default configuration (no environment, no file). */
export function defaultConfig(): Config {
  return resolveConfig({ env: {} }).config;
}

/**
 * A home as a newcomer has it after `lshml demo`: the home itself never ran a cycle, and
 * `<home>/memory/demo` holds five real cycles over the bundled sample. With `review`, a sixth
 * cycle run with `--review` leaves a decision waiting, on a new cluster whose lines carry
 * {@link XSS_LINES}.
 */
export async function demoHome(
  options: { readonly review?: boolean } = {},
): Promise<{ home: string; demo: string }> {
  const home = Deno.makeTempDirSync({ prefix: "lshml-dashboard-test-" });
  const demo = join(home, "memory", "demo");
  await mkdir(demo, { recursive: true });
  await writeFile(join(demo, DEMO_MARKER), "created by a test\n");
  const config = defaultConfig();
  const embedder = createLocalEmbedder({ dimensions: config.embedding.dimensions });
  await runDemo({ home: demo, samples: join(ROOT, "samples"), config, now, embedder });
  if (options.review) {
    const log = join(demo, "demo-agent.log");
    await appendFile(log, XSS_LINES.map((line) => `${NOW.toISOString()} ${line}\n`).join(""));
    await runCycle({
      home: demo,
      config: { ...config, evolve: { ...config.evolve, strategy: "repair-only" } },
      readers: [logFileSource(log)],
      now,
      embedder,
      review: true,
      seed: 7,
      wait: true,
    });
  }
  return { home, demo };
}

/** A change notifier driven by the test: `emit` reaches every subscriber of that home. */
export function manualNotifier(): ChangeNotifier & {
  emit(event: ChangeEvent): void;
  readonly subscribers: () => number;
} {
  const listeners = new Map<string, Set<(event: ChangeEvent) => void>>();
  return {
    subscribe(homeDir, listener) {
      let set = listeners.get(homeDir);
      if (!set) listeners.set(homeDir, set = new Set());
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(event) {
      for (const listener of listeners.get(event.homeDir) ?? []) listener(event);
    },
    subscribers: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

/** Dependencies for `createApp` over `home`, loopback on {@link PORT}; override what a test needs. */
export function testDeps(home: string, overrides: Partial<DashboardDeps> = {}): DashboardDeps {
  return {
    homes: dashboardHomes(home),
    effective: resolveConfig({ env: {} }),
    now,
    changes: manualNotifier(),
    access: { kind: "loopback", port: PORT },
    staticFiles: folderReader(join(ROOT, "dashboard")),
    csrfToken: CSRF,
    version: "0.0.0-test",
    log: () => {},
    ...overrides,
  };
}

/** A request to the app as a browser on the dashboard's own origin would send it. */
export function request(
  app: ReturnType<typeof createApp>,
  path: string,
  init: RequestInit & { readonly csrf?: boolean } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  const method = init.method ?? "GET";
  if (method !== "GET" && init.csrf !== false) {
    if (!headers.has("Origin")) headers.set("Origin", ORIGIN);
    if (!headers.has("X-CSRF-Token")) headers.set("X-CSRF-Token", CSRF);
  }
  if (init.body !== undefined && !headers.has("Content-Type")) {
    headers.set("Content-Type", "application/json");
  }
  return Promise.resolve(app.request(`${ORIGIN}${path}`, { ...init, method, headers }));
}
