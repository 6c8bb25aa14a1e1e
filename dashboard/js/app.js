/**
 * The dashboard's shell: loads the session, picks the home, routes `#/page` to a page module,
 * and listens to `/api/changes` so the page refetches what changed while cycles run.
 *
 * Each page module exports `{ id, title, topics, mount(root, ctx) }`; `mount` builds the page's
 * controls once and returns `{ refresh() }`, which fetches and redraws the data.
 *
 * @module
 */
import { get, useCsrfToken } from "./api.js";
import { h, replace } from "./dom.js";
import clusters from "./pages/clusters.js";
import events from "./pages/events.js";
import memories from "./pages/memories.js";
import overview from "./pages/overview.js";
import review from "./pages/review.js";
import settings from "./pages/settings.js";

const PAGES = [overview, clusters, memories, events, review, settings];
const HOME_KEY = "lshml.dashboard.home";
/** Changes often come in bursts (a cycle writes several files): wait a moment, fetch once. */
const REFRESH_DELAY_MS = 250;

const app = {
  session: null,
  home: "home",
  page: null,
  mounted: null,
  source: null,
  pendingTopics: new Set(),
  timer: undefined,
};

const $ = (id) => document.getElementById(id);

function pageFromHash() {
  const id = location.hash.replace(/^#\/?/, "").split(/[/?]/)[0];
  return PAGES.find((page) => page.id === id) ?? overview;
}

function showError(root, error) {
  replace(
    root,
    h(
      "div",
      { class: "error-box", role: "alert" },
      h("strong", {}, "Could not load this page. "),
      String(error.message ?? error),
    ),
  );
}

async function refreshPage() {
  if (!app.mounted) return;
  try {
    await app.mounted.refresh();
    $("view").removeAttribute("aria-busy");
  } catch (error) {
    showError($("page-error"), error);
  }
}

function route() {
  const page = pageFromHash();
  app.page = page;
  for (const link of document.querySelectorAll("nav a[data-page]")) {
    if (!(link instanceof HTMLElement)) continue;
    link.setAttribute("aria-current", link.dataset.page === page.id ? "page" : "false");
  }
  document.title = `${page.title} · lshml`;
  const root = replace($("view"), h("h1", {}, page.title), h("div", { id: "page-error" }));
  $("view").setAttribute("aria-busy", "true");
  const body = h("div", { class: "page", "data-page": page.id });
  root.append(body);
  app.mounted = page.mount(body, context());
  void refreshPage();
}

function context() {
  return {
    home: app.home,
    session: app.session,
    /** Re-reads the page's data (after an action of its own). */
    refresh: refreshPage,
    /** Updates the review count in the navigation. */
    reviewsChanged: updateReviewCount,
    homeStatus: () => app.session.homes.find((home) => home.id === app.home),
  };
}

async function updateReviewCount() {
  try {
    const { items } = await get("/api/review", { home: app.home });
    replace($("review-count"), items.length > 0 ? String(items.length) : "");
  } catch {
    replace($("review-count"), "");
  }
}

/** `/home/me/lshml/memory/demo` inside `/home/me/lshml` → `memory/demo in your home`. */
function shortDir(dir, homeDir) {
  return dir.startsWith(`${homeDir}/`) ? `${dir.slice(homeDir.length + 1)} in your home` : dir;
}

function banner() {
  const homes = app.session.homes;
  const mine = homes.find((home) => home.id === "home");
  const demo = homes.find((home) => home.id === "demo");
  const el = $("banner");
  if (app.home === "demo") {
    return replace(
      el,
      h(
        "p",
        {},
        "You are looking at the demo home (",
        h("code", {}, shortDir(demo.dir, mine.dir)),
        "), written by ",
        h("code", {}, "lshml demo"),
        ". ",
      ),
      mine.cycles === 0
        ? h(
          "p",
          {},
          "Your own home has no cycles yet: run ",
          h("code", {}, "lshml run"),
          " (",
          h("code", {}, "lshml cron"),
          " prints a crontab line).",
        )
        : null,
      h(
        "button",
        { type: "button", class: "link", onclick: () => switchHome("home") },
        "Show my home",
      ),
    );
  }
  if (mine.cycles === 0) {
    return replace(
      el,
      h(
        "p",
        {},
        "No evolution cycle has run in this home yet (",
        h("code", {}, mine.dir),
        "). Run ",
        h("code", {}, "lshml run"),
        " or watch it learn with ",
        h("code", {}, "deno task demo"),
        ".",
      ),
      demo?.available
        ? h(
          "button",
          { type: "button", class: "link", onclick: () => switchHome("demo") },
          "Show the demo home",
        )
        : null,
    );
  }
  return replace(el);
}

function homePicker() {
  const select = /** @type {HTMLSelectElement} */ ($("home-select"));
  const choices = app.session.homes.filter((home) => home.available);
  replace(
    select,
    choices.map((home) =>
      h(
        "option",
        { value: home.id, selected: home.id === app.home },
        `${home.id === "demo" ? "demo home" : "home"} — ${home.cycles} cycles`,
      )
    ),
  );
  select.disabled = choices.length < 2;
}

function switchHome(id) {
  if (app.home === id) return;
  app.home = id;
  sessionStorage.setItem(HOME_KEY, id);
  homePicker();
  banner();
  connect();
  route();
  void updateReviewCount();
}

function setLive(state, text) {
  const el = $("live");
  el.className = `live live-${state}`;
  replace(el, text);
}

/** One event stream for the shown home; on "changed", refetch if the page shows those topics. */
function connect() {
  app.source?.close();
  const source = new EventSource(`/api/changes?home=${encodeURIComponent(app.home)}`);
  app.source = source;
  source.addEventListener("open", () => setLive("on", "live"));
  source.addEventListener("error", () => setLive("off", "reconnecting…"));
  source.addEventListener("changed", (event) => {
    const message = JSON.parse(event.data);
    for (const topic of message.topics) app.pendingTopics.add(topic);
    clearTimeout(app.timer);
    app.timer = setTimeout(onChanges, REFRESH_DELAY_MS);
  });
}

async function onChanges() {
  const topics = app.pendingTopics;
  app.pendingTopics = new Set();
  if (topics.has("review")) void updateReviewCount();
  if (topics.has("overview")) {
    app.session = await get("/api/session").catch(() => app.session);
    homePicker();
    banner();
  }
  if (app.page && app.page.topics.some((topic) => topics.has(topic))) await refreshPage();
}

async function boot() {
  try {
    app.session = await get("/api/session");
  } catch (error) {
    showError($("view"), error);
    return;
  }
  useCsrfToken(app.session.csrfToken);
  const stored = sessionStorage.getItem(HOME_KEY);
  const available = app.session.homes.some((home) => home.id === stored && home.available);
  app.home = available ? stored : app.session.preferred;
  replace($("version"), `lshml ${app.session.version}`);
  $("home-select").addEventListener(
    "change",
    () => switchHome(/** @type {HTMLSelectElement} */ ($("home-select")).value),
  );
  homePicker();
  banner();
  addEventListener("hashchange", route);
  route();
  connect();
  void updateReviewCount();
}

void boot();
