/**
 * Clusters: the recurring errors, their sizes and trends, example lines, and the fix each has.
 * Templates and examples come from logs: they are untrusted and shown as text only.
 *
 * @module
 */
import { get } from "../api.js";
import { hbarChart, sparkline, stackedChart } from "../charts.js";
import { badge, details, empty, h, pre, replace, table } from "../dom.js";
import { ago, clip, num, plural, when } from "../format.js";

const TOP_BARS = 12;
const open = new Set();
let filter = "";

const TREND_WORDS = {
  new: "new this week",
  rising: "rising",
  steady: "steady",
  falling: "falling",
  quiet: "quiet for a week",
};

function fixCell(fix) {
  if (!fix) return badge("no fix yet", "muted");
  const state = fix.state === "active" && fix.cleanCycles !== null
    ? `${fix.state} (${fix.cleanCycles}/3 clean)`
    : fix.watched
    ? `${fix.state}, watched`
    : fix.state;
  return h("span", {}, badge(state, fix.state), " ", h("code", {}, fix.geneId));
}

function card(row) {
  const days = row.days.map((d) => d.count);
  const types = Object.entries(row.signalTypes).map(([type, n]) => `${type} ×${n}`).join(", ");
  return h(
    "article",
    { class: "cluster", "data-cluster": row.id },
    h(
      "div",
      { class: "cluster-head" },
      h("code", { class: "template" }, row.template),
      h(
        "div",
        { class: "cluster-meta" },
        h("span", { class: "occurrences", title: "occurrences" }, `×${row.count}`),
        badge(TREND_WORDS[row.trend] ?? row.trend, `trend-${row.trend}`),
        fixCell(row.fix),
        sparkline(days, {
          cls: "seen",
          label: "last 14 days",
          titles: row.days.map((d) => `${d.day}: ${d.count}`),
        }),
      ),
    ),
    details(
      `cluster:${row.id}`,
      open,
      `details — ${row.id}, first seen ${when(row.firstSeen)}, last ${ago(row.lastSeen)}`,
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, "signal types"),
        h("dd", {}, types || "–"),
        h("dt", {}, "sources"),
        h("dd", {}, row.sources.join(", ") || "–"),
        h("dt", {}, "fix"),
        h(
          "dd",
          {},
          row.fix
            ? `${row.fix.geneId}: ${row.fix.state}, applied in cycle ${row.fix.appliedCycle} (event ${row.fix.eventId})${
              row.fix.watched ? ", still watched" : ""
            }`
            : "none applied yet",
        ),
      ),
      row.lessons.length > 0
        ? table(
          ["gene tried", "applied", "proven", "failed", "confidence"],
          row.lessons.map((
            l,
          ) => [
            h("code", {}, l.geneId),
            String(l.applied),
            String(l.proven),
            String(l.failed),
            num(l.confidence),
          ]),
          { class: "compact" },
        )
        : null,
      h("h4", {}, `example lines (${row.examples.length})`),
      h("ol", { class: "examples" }, row.examples.map((line) => h("li", {}, pre(line)))),
    ),
  );
}

/** Occurrences of all clusters per day, the last two weeks, split by whether a fix is watched. */
function dailyChart(rows) {
  const days = rows[0]?.days.map((d) => d.day) ?? [];
  const sum = (pick) =>
    days.map((_, i) => rows.filter(pick).reduce((n, row) => n + row.days[i].count, 0));
  const fixed = sum((row) => row.fix !== null);
  const open = sum((row) => row.fix === null);
  const total = fixed.reduce((n, v) => n + v, 0) + open.reduce((n, v) => n + v, 0);
  return stackedChart({
    title: "Errors per day",
    note: "occurrences of all clusters, last 14 days (UTC)",
    xs: total === 0 ? [] : days.map((_, i) => i - days.length + 1),
    xName: "day",
    bars: true,
    series: [{ name: "cluster has a fix", cls: "proven", values: fixed }, {
      name: "no fix yet",
      cls: "neutral",
      values: open,
    }],
    xFormat: (v) => v === 0 ? "today" : `${-v}d ago`,
    emptyText: "No error in the last two weeks.",
  });
}

function matches(row, text) {
  if (!text) return true;
  const needle = text.toLowerCase();
  return [row.id, row.template, row.representative, ...row.examples, row.fix?.geneId ?? ""].some((
    value,
  ) => value.toLowerCase().includes(needle));
}

export default {
  id: "clusters",
  title: "Error clusters",
  topics: ["clusters"],
  mount(root, ctx) {
    const chart = h("section", { class: "card" });
    const daily = h("section", { class: "card" });
    const list = h("div", { class: "cluster-list" });
    const counter = h("span", { class: "muted" });
    let rows = [];
    const draw = () => {
      const shown = rows.filter((row) => matches(row, filter));
      replace(
        counter,
        rows.length === 0 ? "" : `${shown.length} of ${plural(rows.length, "cluster")}`,
      );
      replace(
        list,
        rows.length === 0
          ? empty(
            "No error clusters yet.",
            "A scan (lshml scan, or every lshml run) groups your agents' failures here by template.",
          )
          : shown.map(card),
      );
    };
    const search = h("input", {
      type: "search",
      placeholder: "filter by text, id or gene",
      value: filter,
      "aria-label": "filter clusters",
      oninput: (event) => {
        filter = event.target.value;
        draw();
      },
    });
    replace(
      root,
      h("div", { class: "grid" }, chart, daily),
      h("div", { class: "toolbar" }, search, counter),
      list,
    );
    return {
      async refresh() {
        const data = await get("/api/clusters", { home: ctx.home });
        rows = data.rows;
        replace(
          chart,
          hbarChart({
            title: "Largest clusters",
            note: data.merges > 0
              ? `${plural(data.merges, "merge")} of equivalent clusters recorded`
              : "occurrences per cluster",
            bars: rows.slice(0, TOP_BARS).map((row) => ({
              label: clip(row.template, 38),
              value: row.count,
              cls: row.fix ? row.fix.state : "neutral",
              tip: `${row.template} (×${row.count})`,
            })),
            legend: [{ name: "fix active", cls: "active" }, { name: "proven", cls: "proven" }, {
              name: "failed",
              cls: "failed",
            }, { name: "no fix", cls: "neutral" }],
            emptyText: "No error clusters yet.",
          }),
        );
        replace(daily, dailyChart(rows));
        draw();
      },
    };
  },
};
