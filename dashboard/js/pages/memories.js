/**
 * Memories: search the episodic memory, see each memory's Q, uses and the exact text the plugin
 * would inject, and forget one. Memory text comes from conversations: untrusted, text only.
 *
 * @module
 */
import { get, send } from "../api.js";
import { histogram } from "../charts.js";
import { details, empty, h, pre, replace, s, tile } from "../dom.js";
import { ago, num, plural } from "../format.js";

const open = new Set();
const state = { query: "", sort: "q" };

/** Q on a −1 … 1 scale, drawn from the middle: right and green when positive, left and red when not. */
function qBar(q) {
  const half = Math.min(1, Math.abs(q)) * 30;
  return h(
    "span",
    { class: "qbar", title: `Q = ${num(q, 3)}` },
    s(
      "svg",
      { viewBox: "0 0 64 12", width: 64, height: 12, role: "img", "aria-label": `Q ${num(q, 2)}` },
      s("rect", { class: "qbar-track", x: 2, y: 4, width: 60, height: 4, rx: 2 }),
      s("rect", {
        class: q < 0 ? "qbar-neg" : "qbar-pos",
        x: q < 0 ? 32 - half : 32,
        y: 2,
        width: Math.max(1, half),
        height: 8,
        rx: 2,
      }),
      s("line", { class: "qbar-zero", x1: 32, x2: 32, y1: 0, y2: 12 }),
    ),
    h("span", { class: "qbar-value" }, num(q, 2)),
  );
}

function forgetButton(item, ctx, onDone) {
  const button = h("button", { type: "button", class: "danger", "data-forget": item.id }, "Forget");
  let armed = false;
  button.addEventListener("click", async () => {
    if (!armed) {
      armed = true;
      replace(button, "Really forget?");
      button.classList.add("armed");
      return;
    }
    button.disabled = true;
    try {
      await send("DELETE", `/api/memories/${encodeURIComponent(item.id)}`, { home: ctx.home });
      onDone(`Forgot ${item.id}.`);
    } catch (error) {
      onDone(`Could not forget ${item.id}: ${error.message}`, true);
    }
  });
  return button;
}

function memoryCard(item, ctx, onDone) {
  const similarity = item.similarity !== undefined
    ? h("span", { class: "pill" }, `similarity ${num(item.similarity, 2)}`)
    : null;
  return h(
    "article",
    { class: "memory", "data-memory": item.id },
    h(
      "div",
      { class: "memory-head" },
      h("div", { class: "memory-intent" }, item.intent),
      h(
        "div",
        { class: "memory-meta" },
        qBar(item.q),
        h(
          "span",
          { class: "pill", title: "times injected into a prompt" },
          `used ${item.selectedCount}×`,
        ),
        h(
          "span",
          { class: "pill", title: "injections that ended well" },
          `${item.successCount} ok`,
        ),
        h("span", { class: "pill", title: "Q updates from feedback" }, `${item.visits} updates`),
        similarity,
        forgetButton(item, ctx, onDone),
      ),
    ),
    h("p", { class: "experience" }, item.experience),
    details(
      `memory:${item.id}`,
      open,
      `as injected for a prompt like its intent — last reward ${num(item.lastReward)}, created ${
        ago(item.createdAt)
      }, id ${item.id}`,
      pre(item.injected, { class: "injected" }),
    ),
  );
}

/** What the plugin would put in front of the prompt searched for, or why it would add nothing. */
function injectionCard(injection, tau) {
  const best = num(injection.bestSimilarity);
  const why = injection.reason === "injected"
    ? `The best similarity ${best} reaches τ = ${
      num(tau)
    }: phase B picks these (greedy, without exploration).`
    : injection.reason === "below-tau"
    ? `Nothing would be injected: the best similarity ${best} is below τ = ${num(tau)}.`
    : "Nothing would be injected: no memory is similar enough to be a candidate.";
  return h(
    "section",
    { class: "card", "data-injection": injection.reason },
    h("h2", {}, "What the plugin would inject for this prompt"),
    h("p", { class: "muted" }, why),
    injection.block ? pre(injection.block, { class: "injected" }) : null,
  );
}

function statsBlock(stats) {
  return h(
    "div",
    { class: "grid" },
    h(
      "section",
      { class: "card" },
      h(
        "div",
        { class: "tiles small" },
        tile(
          "memories",
          stats.maxEntries ? `${stats.count} / ${stats.maxEntries}` : String(stats.count),
        ),
        tile("mean Q", num(stats.meanQ)),
        tile("times injected", String(stats.totalSelected)),
      ),
      h(
        "p",
        { class: "muted" },
        "Q is learned from feedback: Q ← Q + α (r − Q). Memories with a higher Q rank higher when they are recalled.",
      ),
    ),
    h(
      "section",
      { class: "card" },
      histogram({
        title: "Q distribution",
        bins: stats.qHistogram,
        xFormat: (v) => num(v, 1),
        cls: "q",
        emptyText: "No memories yet.",
      }),
    ),
  );
}

export default {
  id: "memories",
  title: "Episodic memories",
  topics: ["memories"],
  mount(root, ctx) {
    const stats = h("div");
    const notice = h("p", { class: "notice", role: "status" });
    const results = h("div", { class: "memory-list" });
    const input = h("input", {
      type: "search",
      name: "q",
      value: state.query,
      placeholder: "a prompt, e.g. “the build fails with ENOENT”",
      "aria-label": "search memories",
    });
    const sort = h(
      "select",
      { name: "sort", "aria-label": "order" },
      [["q", "highest Q"], ["uses", "most used"], ["recent", "most recent"]].map(([value, label]) =>
        h("option", { value, selected: state.sort === value }, label)
      ),
    );
    const form = h(
      "form",
      { class: "toolbar", role: "search" },
      input,
      h("button", { type: "submit" }, "Search"),
      h("label", {}, " order ", sort),
    );
    let refresh = async () => {};
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      state.query = input.value.trim();
      void refresh();
    });
    sort.addEventListener("change", () => {
      state.sort = sort.value;
      void refresh();
    });
    const done = (message, failed = false) => {
      replace(notice, message);
      notice.className = failed ? "notice error" : "notice";
      void refresh();
    };
    replace(root, stats, form, notice, results);
    refresh = async () => {
      const data = await get("/api/memories", { home: ctx.home, q: state.query, sort: state.sort });
      if (!data.available) {
        form.hidden = true;
        replace(stats);
        replace(results, empty("The episodic memory is not available.", data.reason));
        return;
      }
      form.hidden = false;
      replace(stats, statsBlock(data.stats));
      const block = data.injection ? injectionCard(data.injection, data.tau) : null;
      const heading = data.query
        ? `${plural(data.items.length, "memory", "memories")} recalled for “${data.query}”`
        : `${plural(data.items.length, "memory", "memories")}`;
      replace(
        results,
        block,
        h("h2", {}, heading),
        data.items.length === 0
          ? empty(
            data.query ? "Nothing similar enough." : "No memories yet.",
            "The OpenClaw plugin writes a memory when a task ends with clear feedback.",
          )
          : data.items.map((item) => memoryCard(item, ctx, done)),
      );
    };
    return { refresh: () => refresh() };
  },
};
