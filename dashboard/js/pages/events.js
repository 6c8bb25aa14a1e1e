/**
 * Evolution log: the append-only chain of evolution events with their hash status (verified on
 * demand, as `lshml events verify`), the capsules of successful evolutions and their diffs.
 *
 * @module
 */
import { get } from "../api.js";
import { badge, empty, h, pre, replace, table } from "../dom.js";
import { clip, num, plural, when } from "../format.js";

const open = new Set();
const PAGE = 50;
/** Per home: the last verification and the log length it saw, so a refresh keeps showing it. */
const verified = new Map();

function diffView(diff) {
  const lines = diff.split("\n").map((line) => {
    const kind = line.startsWith("+") && !line.startsWith("+++")
      ? "add"
      : line.startsWith("-") && !line.startsWith("---")
      ? "del"
      : line.startsWith("@@")
      ? "hunk"
      : "ctx";
    return h("span", { class: `diff-${kind}` }, `${line}\n`);
  });
  return h("pre", { class: "diff" }, lines);
}

function hashCell(event, report) {
  if (!report) return badge("not verified", "muted");
  const problems = report.problems.filter((p) =>
    p.file === "assets/gep/events.jsonl" && p.line === event.line
  );
  if (problems.length === 0) return badge("✓ hash & chain", "ok");
  return h(
    "span",
    { title: problems.map((p) => p.message).join("\n") },
    problems.map((p) => badge(p.kind.replace(/_/g, " "), p.integrity ? "failed" : "pending")),
  );
}

/** GEP prompts fetched so far, by home and event: they stay shown when the log refreshes. */
const prompts = new Map();

function promptView(prompt) {
  return prompt.text === null
    ? h("p", { class: "muted" }, `No prompt file (${prompt.file}).`)
    : pre(prompt.text + (prompt.truncated ? "\n… (truncated)" : ""), { class: "prompt" });
}

function promptButton(event, ctx) {
  const key = `${ctx.home}:${event.id}`;
  const holder = h("div", {}, prompts.has(key) ? promptView(prompts.get(key)) : null);
  const button = h("button", {
    type: "button",
    disabled: prompts.has(key),
    onclick: async () => {
      button.disabled = true;
      try {
        const prompt = await get(`/api/prompts/${encodeURIComponent(event.id)}`, {
          home: ctx.home,
        });
        prompts.set(key, prompt);
        replace(holder, promptView(prompt));
      } catch (error) {
        replace(holder, h("p", { class: "error" }, error.message));
        button.disabled = false;
      }
    },
  }, "Show the GEP prompt");
  return [button, holder];
}

function eventDetails(event, ctx) {
  return [
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "why"),
      h("dd", {}, h("ul", {}, event.reasons.map((r) => h("li", {}, r)))),
      h("dt", {}, "alternatives"),
      h("dd", {}, event.alternatives.map((a) => `${a.gene} ${num(a.score)}`).join(", ") || "–"),
      h("dt", {}, "outcome"),
      h(
        "dd",
        {},
        `${event.status} (score ${num(event.score)})`,
        event.outcomeReasons.length
          ? h("ul", {}, event.outcomeReasons.map((r) => h("li", {}, r)))
          : null,
      ),
      h("dt", {}, "signals"),
      h("dd", {}, event.signals.join(", ") || "–"),
      h("dt", {}, "blast radius"),
      h(
        "dd",
        {},
        `${plural(event.blastRadius.files, "file")}, ${plural(event.blastRadius.lines, "line")}`,
      ),
      h("dt", {}, "validation"),
      h(
        "dd",
        {},
        event.validation.length === 0
          ? "–"
          : event.validation.map((v) => `${v.cmd.join(" ")} → ${v.ok ? "ok" : "FAILED"}`).join(
            "; ",
          ),
      ),
      h("dt", {}, "capsule"),
      h("dd", {}, event.capsuleId ?? "–"),
      h("dt", {}, "seed"),
      h("dd", {}, String(event.seed)),
      h("dt", {}, "asset id"),
      h("dd", {}, h("code", {}, event.assetId)),
      h("dt", {}, "parent"),
      h("dd", {}, h("code", {}, event.parent ?? "(first event)")),
    ),
    promptButton(event, ctx),
  ];
}

/** The event's line in the table, and when it is open, a full-width line with its details. */
function eventRows(event, ctx, report, redraw) {
  const key = `event:${event.id}`;
  const isOpen = open.has(key);
  const toggle = h(
    "button",
    {
      type: "button",
      class: "disclose",
      "aria-expanded": String(isOpen),
      onclick: () => {
        if (open.has(key)) open.delete(key);
        else open.add(key);
        redraw();
      },
    },
    isOpen ? "▾ " : "▸ ",
    h("code", {}, event.id),
  );
  const row = h(
    "tr",
    { "data-event": event.id, "data-line": event.line, class: isOpen ? "open" : "" },
    h("td", {}, String(event.line)),
    h("td", {}, toggle),
    h("td", {}, String(event.cycle)),
    h("td", {}, when(event.createdAt)),
    h("td", {}, `${event.intent} · ${event.mode}`),
    h("td", {}, event.clusterId ? h("code", {}, event.clusterId) : "–"),
    h("td", {}, event.selected ? h("code", {}, event.selected) : "–"),
    h("td", {}, badge(event.status.replace("_", " "), event.status)),
    h("td", { class: "hash" }, hashCell(event, report)),
  );
  if (!isOpen) return [row];
  return [
    row,
    h("tr", { class: "event-details" }, h("td", { colspan: 9 }, eventDetails(event, ctx))),
  ];
}

function verifySummary(report) {
  if (!report) return h("span", { class: "muted" }, "Hashes and the chain are checked on demand.");
  const bad = report.problems.filter((p) => p.integrity);
  return bad.length === 0
    ? h(
      "span",
      { class: "ok-text" },
      `✓ ${plural(report.checked, "asset")} re-hashed; the chain is intact.`,
    )
    : h(
      "span",
      { class: "error" },
      `${plural(bad.length, "problem")}: `,
      bad.slice(0, 5).map((p) => `${p.file}:${p.line ?? "-"} ${p.kind} — ${p.message}`).join("; "),
    );
}

function capsuleCard(capsule) {
  return h(
    "article",
    { class: "capsule" },
    h("h3", {}, h("code", {}, capsule.id), " ", badge("success", "proven")),
    h("p", {}, capsule.summary),
    h(
      "p",
      { class: "muted" },
      `gene ${capsule.gene} on ${capsule.trigger.cluster_id} · confidence ${
        num(capsule.confidence)
      } · streak ${capsule.success_streak} · ${plural(capsule.blast_radius.files, "file")}, ${
        plural(capsule.blast_radius.lines, "line")
      } · ${when(capsule.created_at)}`,
    ),
    capsule.diff ? diffView(capsule.diff) : h("p", { class: "muted" }, "no diff (advice only)"),
  );
}

export default {
  id: "events",
  title: "Evolution log",
  topics: ["events"],
  mount(root, ctx) {
    const summary = h("span");
    const verifyButton = h("button", { type: "button" }, "Verify hashes and chain");
    const list = h("div");
    const capsules = h("section", { class: "card" });
    let rows = [];
    let more = false;
    let total = 0;
    let skipped = [];
    const draw = () => {
      const report = verified.get(ctx.home)?.report;
      replace(summary, verifySummary(report));
      replace(
        list,
        skipped.length > 0
          ? h(
            "p",
            { class: "error" },
            `${plural(skipped.length, "line")} of events.jsonl could not be read: `,
            skipped.map((p) => `line ${p.line}: ${clip(p.reason, 120)}`).join("; "),
          )
          : null,
        rows.length === 0
          ? empty(
            "No evolution recorded yet.",
            "Each cycle that decides something appends an event to assets/gep/events.jsonl.",
          )
          : table(
            [
              "line",
              "event",
              "cycle",
              "when",
              "intent · mode",
              "cluster",
              "gene",
              "outcome",
              "hash",
            ],
            rows.flatMap((event) => eventRows(event, ctx, report, draw)),
            { class: "events" },
          ),
        more
          ? h(
            "button",
            { type: "button", onclick: loadOlder },
            `Load older (${total - rows.length} more)`,
          )
          : null,
      );
    };
    const loadOlder = async () => {
      const page = await get("/api/events", {
        home: ctx.home,
        limit: PAGE,
        before: rows.at(-1)?.line,
      });
      rows = [...rows, ...page.rows];
      more = page.more;
      draw();
    };
    verifyButton.addEventListener("click", async () => {
      verifyButton.disabled = true;
      try {
        verified.set(ctx.home, { report: await get("/api/verify", { home: ctx.home }), total });
        draw();
      } finally {
        verifyButton.disabled = false;
      }
    });
    replace(root, h("div", { class: "toolbar" }, verifyButton, summary), list, capsules);
    return {
      async refresh() {
        const [page, caps] = await Promise.all([
          get("/api/events", { home: ctx.home, limit: Math.max(PAGE, rows.length) }),
          get("/api/capsules", { home: ctx.home }),
        ]);
        // The log grew since it was verified: that verdict no longer covers it.
        if (verified.get(ctx.home)?.total !== page.total) verified.delete(ctx.home);
        rows = page.rows;
        more = page.more;
        total = page.total;
        skipped = page.skipped;
        draw();
        replace(
          capsules,
          h("h2", {}, `Capsules (${caps.capsules.length})`),
          caps.capsules.length === 0
            ? empty(
              "No capsule yet.",
              "A capsule records an evolution whose change was validated (execute mode).",
            )
            : [...caps.capsules].reverse().map(capsuleCard),
        );
      },
    };
  },
};
