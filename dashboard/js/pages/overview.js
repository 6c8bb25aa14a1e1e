/**
 * Overview: is the engine getting smarter? The feedback loop over cycles, the predictor's
 * training, the knowledge base's health, the memory, and the last evolution events.
 *
 * @module
 */
import { get } from "../api.js";
import { barChart, histogram, lineChart, stackedChart } from "../charts.js";
import { badge, empty, h, replace, table, tile } from "../dom.js";
import { ago, bytes, clip, num, percent, plural } from "../format.js";

function headline(data) {
  if (data.cycles === 0) {
    return h(
      "p",
      { class: "lead" },
      "No cycles yet. Each cycle (",
      h("code", {}, "lshml run"),
      ", every few minutes from cron) scans your agents' history, checks the fixes it is watching and learns from them.",
    );
  }
  const f = data.feedback;
  const acc = data.predictor.accuracy;
  return h(
    "p",
    { class: "lead" },
    `${plural(data.cycles, "cycle")}, the last ${ago(data.lastCycleAt)}. `,
    `${plural(f.proven, "fix", "fixes")} proven, ${f.failed} failed, ${f.active} being watched. `,
    data.predictor.examples > 0
      ? `The predictor learned from ${plural(data.predictor.examples, "outcome")}` +
        (acc === null ? "." : ` and predicts ${percent(acc)} of proven fixes from other clusters.`)
      : "The predictor has not seen an outcome yet.",
  );
}

function tiles(data) {
  const f = data.feedback;
  const memory = data.memory.available ? String(data.memory.stats.count) : "–";
  return h(
    "div",
    { class: "tiles" },
    tile("cycles", String(data.cycles), data.lastCycleAt ? ago(data.lastCycleAt) : "none yet"),
    tile("active fixes", String(f.active), "watched, not yet decided", "active"),
    tile("proven", String(f.proven), "held for 3 clean cycles", "proven"),
    tile("failed", String(f.failed), "came back within 5 cycles", "failed"),
    tile(
      "predictor accuracy",
      percent(data.predictor.accuracy),
      `leave-one-out, ${plural(data.predictor.examples, "example")}`,
    ),
    tile("lessons", String(data.knowledge.lessons), `${data.knowledge.decided} with an outcome`),
    tile(
      "memories",
      memory,
      data.memory.available ? `mean Q ${num(data.memory.stats.meanQ)}` : "not available",
    ),
    h(
      "a",
      { class: "tile-link", href: "#/review" },
      tile(
        "waiting for review",
        String(data.pendingReviews),
        "approve or reject",
        data.pendingReviews > 0 ? "pending" : undefined,
      ),
    ),
  );
}

function feedbackChart(data) {
  const points = data.feedback.points;
  const series = (name, cls, key) => ({ name, cls, values: points.map((p) => p[key]) });
  return stackedChart({
    title: "Feedback loop",
    note: "fixes by state after each cycle",
    xs: points.map((p) => p.cycle),
    xName: "cycle",
    series: [
      series("proven", "proven", "proven"),
      series("failed", "failed", "failed"),
      series("active", "active", "active"),
    ],
    xLabel: "cycle",
    yLabel: "fixes",
    emptyText: "No cycle has run yet.",
    emptyHint:
      "A fix becomes active when a cycle applies it, proven after 3 clean cycles, failed if its error returns within 5.",
  });
}

function predictorCharts(data) {
  const history = data.predictor.history;
  return [
    barChart({
      title: "Predictor training set",
      note: "examples after each training run",
      bars: history.map((run) => ({
        label: String(run.cycle),
        value: run.examples,
        cls: "examples",
        tip: `cycle ${run.cycle}: ${run.examples} examples`,
      })),
      xLabel: "cycle",
      yLabel: "examples",
      emptyText: "Not trained yet.",
      emptyHint: "Every proven or failed fix becomes a training example of the k-NN predictor.",
    }),
    lineChart({
      title: "Leave-one-out accuracy",
      note: "proven fixes predicted from the other clusters",
      series: [{
        name: "accuracy",
        cls: "accuracy",
        points: history.filter((run) => run.looAccuracy !== null).map((run) => ({
          x: run.cycle,
          y: run.looAccuracy,
        })),
      }],
      yMin: 0,
      yMax: 1,
      yFormat: (v) => `${Math.round(v * 100)}%`,
      xLabel: "cycle",
      emptyText: "No accuracy yet.",
      emptyHint:
        "It is measured once a fix has been proven: can the other clusters' outcomes predict it?",
    }),
  ];
}

function fileLine(file) {
  const health = file.health;
  const state = health.status === "ok"
    ? badge("ok", "ok")
    : health.status === "missing"
    ? badge("not yet", "muted")
    : badge(health.status, "failed");
  const detail = health.status === "ok"
    ? `${
      health.records !== undefined ? plural(health.records, "record") : `format v${health.version}`
    }, ${bytes(health.bytes)}`
    : health.reason ?? "created by the first cycle";
  return [
    h("code", {}, file.file),
    state,
    detail,
    file.setAside.length > 0
      ? `${file.setAside.length} set aside: ${file.setAside.join(", ")}`
      : "",
  ];
}

function knowledgeCard(data) {
  const k = data.knowledge;
  const coverage = k.recurringClusters === 0
    ? "–"
    : `${k.coveredClusters} / ${k.recurringClusters}`;
  return h(
    "section",
    { class: "card" },
    h("h2", {}, "Knowledge base"),
    h(
      "p",
      { class: "muted" },
      "Lessons per (cluster, gene); confidence = (proven + 1) / (proven + failed + 2). Nothing decays.",
    ),
    h(
      "div",
      { class: "tiles small" },
      tile("lessons", String(k.lessons)),
      tile("genes with a record", String(k.genes)),
      tile("applied / proven / failed", `${k.applied} / ${k.proven} / ${k.failed}`),
      tile("mean confidence", num(k.meanConfidence)),
      tile("recurring clusters covered", coverage),
    ),
    histogram({
      title: "Confidence of decided lessons",
      bins: k.confidence,
      xFormat: (v) => num(v, 1),
      cls: "proven",
      emptyText: "No lesson has an outcome yet.",
    }),
    k.best.length > 0
      ? h(
        "div",
        {},
        h("h3", {}, "Surest lessons"),
        table(
          ["cluster", "gene", "proven / failed", "confidence"],
          k.best.map((
            lesson,
          ) => [
            h(
              "code",
              { title: lesson.template ?? lesson.clusterId },
              clip(lesson.template ?? lesson.clusterId, 60),
            ),
            h("code", {}, lesson.geneId),
            `${lesson.proven} / ${lesson.failed}`,
            num(lesson.confidence),
          ]),
        ),
      )
      : null,
    h("h3", {}, "Files"),
    table(["file", "state", "content", "set aside"], data.files.map(fileLine), {
      class: "compact",
    }),
  );
}

function memoryCard(data) {
  const m = data.memory;
  if (!m.available) {
    return h(
      "section",
      { class: "card" },
      h("h2", {}, "Episodic memory"),
      empty("Not available.", m.reason),
    );
  }
  const stats = m.stats;
  return h(
    "section",
    { class: "card" },
    h("h2", {}, h("a", { href: "#/memories" }, "Episodic memory")),
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
    histogram({
      title: "Q distribution",
      note: "learned usefulness of each memory",
      bins: stats.qHistogram,
      xFormat: (v) => num(v, 1),
      cls: "q",
      emptyText: "No memories yet.",
      emptyHint: "The OpenClaw plugin writes one when a task ends with clear feedback.",
    }),
  );
}

function eventsCard(data) {
  const rows = data.events.map((event) => [
    h("code", {}, event.id),
    String(event.cycle),
    event.intent,
    event.clusterId ? h("code", {}, event.clusterId) : "–",
    event.selected ? h("code", {}, event.selected) : "–",
    badge(event.status.replace("_", " "), event.status),
    ago(event.createdAt),
  ]);
  return h(
    "section",
    { class: "card wide" },
    h(
      "h2",
      {},
      h("a", { href: "#/events" }, "Last evolution events"),
      h("span", { class: "muted" }, ` (${data.eventsTotal} in all)`),
    ),
    rows.length === 0
      ? empty(
        "No evolution recorded yet.",
        "Each cycle that decides something appends an event to assets/gep/events.jsonl.",
      )
      : table(["event", "cycle", "intent", "cluster", "gene", "outcome", "when"], rows),
  );
}

function activityChart(data) {
  return barChart({
    title: "Clusters seen per cycle",
    note: "error clusters that occurred in each recent cycle",
    bars: data.cycleLog.map((c) => ({
      label: String(c.cycle),
      value: c.seen,
      cls: "seen",
      tip: `cycle ${c.cycle}: ${c.seen} clusters seen; ${
        c.geneId ? `chose ${c.geneId}` : "nothing to evolve"
      }`,
    })),
    xLabel: "cycle",
    emptyText: "No cycle yet.",
  });
}

export default {
  id: "overview",
  title: "Overview",
  topics: ["overview"],
  mount(root, ctx) {
    return {
      async refresh() {
        const data = await get("/api/overview", { home: ctx.home });
        replace(
          root,
          headline(data),
          tiles(data),
          h(
            "div",
            { class: "grid" },
            h("section", { class: "card" }, feedbackChart(data)),
            h("section", { class: "card" }, activityChart(data)),
          ),
          h(
            "div",
            { class: "grid" },
            predictorCharts(data).map((chart) => h("section", { class: "card" }, chart)),
          ),
          h("div", { class: "grid" }, knowledgeCard(data), memoryCard(data)),
          eventsCard(data),
        );
      },
    };
  },
};
