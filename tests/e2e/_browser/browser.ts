import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { ROOT } from "../../_helpers/cli.ts";

/** Debian's chromium, installed by `.ci/setup.d/chromium.sh`. */
export const CHROMIUM = "/usr/bin/chromium";

/** Where the browser tests leave their screenshots (git-ignored). */
export const SCREENSHOTS = join(ROOT, "test-output", "screenshots");

/** Flags for a quiet, headless, offline-friendly chromium (DESIGN §2). */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
  "--disable-default-apps",
  "--disable-extensions",
];

/** What a page did that a test wants to know about. */
export interface PageWatch {
  /** Requests that went anywhere but the dashboard (they are blocked, and recorded). */
  readonly foreign: string[];
  /** Every URL requested on the dashboard's origin (path + query). */
  readonly requested: string[];
  readonly dialogs: string[];
  readonly pageErrors: string[];
  /** Console errors, e.g. Content-Security-Policy violations. */
  readonly consoleErrors: string[];
}

/** A browser with one page on the dashboard, and a record of what it did. */
export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly watch: PageWatch;
  close(): Promise<void>;
}

/**
 * Launches chromium with a fresh profile (a new `--user-data-dir`) and opens one page. Every
 * request that does not go to `origin` is recorded and aborted, so a test can assert the page
 * made none; dialogs are recorded and dismissed.
 *
 * @throws {Error} saying how to install chromium when it is missing.
 */
export async function launchBrowser(origin: string): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`bash .ci/setup.d/chromium.sh\` (as root)`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = Deno.makeTempDirSync({ prefix: "lshml-chromium-" });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1360, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: "light",
    locale: "en-US",
    timezoneId: "UTC",
  });
  const watch: PageWatch = {
    foreign: [],
    requested: [],
    dialogs: [],
    pageErrors: [],
    consoleErrors: [],
  };
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin) {
      watch.foreign.push(url);
      await route.abort("blockedbyclient");
      return;
    }
    const { pathname, search } = new URL(url);
    watch.requested.push(pathname + search);
    await route.continue();
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on("dialog", (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => watch.pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") watch.consoleErrors.push(message.text());
  });
  return {
    context,
    page,
    watch,
    close: async () => {
      await context.close();
      Deno.removeSync(profile, { recursive: true });
    },
  };
}

/**
 * Saves a screenshot as `test-output/screenshots/<name>.png` (the whole page, or with
 * `fullPage: false` the first screen, small enough for the README); returns its path.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { readonly fullPage?: boolean } = {},
): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  // A sticky header would be painted where the page was scrolled to.
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0)
  );
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}
