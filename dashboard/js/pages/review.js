/**
 * Review queue: the evolutions `lshml run --review` left for a person, with the plan and diff;
 * approve or reject one (the same effect as `lshml review --approve|--reject ID`).
 *
 * @module
 */
import { get, send } from "../api.js";
import { badge, details, empty, h, pre, replace } from "../dom.js";
import { when } from "../format.js";

const open = new Set();

function verdictButtons(item, ctx, onDone) {
  const decide = (verdict) => async () => {
    for (const button of buttons) button.disabled = true;
    try {
      const result = await send("POST", `/api/review/${encodeURIComponent(item.id)}`, {
        home: ctx.home,
      }, { verdict });
      onDone(
        `${item.id}: ${result.status.replace("_", " ")} (event ${result.eventId})${
          result.reasons.length ? ` — ${result.reasons.join("; ")}` : ""
        }`,
      );
    } catch (error) {
      onDone(`${item.id}: ${error.message}`, true);
    }
  };
  const buttons = [
    h("button", {
      type: "button",
      class: "approve",
      "data-verdict": "approve",
      onclick: decide("approve"),
    }, item.mode === "execute" ? "Approve and run" : "Approve"),
    h("button", {
      type: "button",
      class: "danger",
      "data-verdict": "reject",
      onclick: decide("reject"),
    }, "Reject"),
  ];
  return h("div", { class: "actions" }, buttons);
}

function itemCard(item, ctx, onDone) {
  return h(
    "article",
    { class: "card review-item", "data-review": item.id },
    h(
      "h2",
      {},
      h("code", {}, item.id),
      " ",
      badge(item.intent, "pending"),
      " ",
      badge(item.mode, "muted"),
    ),
    h("p", { class: "muted" }, `decided in cycle ${item.cycle}, ${when(item.createdAt)}`),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "target"),
      h(
        "dd",
        {},
        item.template
          ? h("code", { class: "template" }, item.template)
          : h("code", {}, item.clusterId ?? "–"),
      ),
      h("dt", {}, "gene"),
      h(
        "dd",
        {},
        h("code", {}, item.geneId),
        item.gene ? ` — ${item.gene.title}` : " (no longer in the library)",
      ),
    ),
    item.gene
      ? h("ol", { class: "strategy" }, item.gene.strategy.map((step) => h("li", {}, step)))
      : null,
    item.diff
      ? details(`diff:${item.id}`, open, "proposed diff", pre(item.diff, { class: "diff" }))
      : null,
    item.prompt !== null
      ? details(
        `plan:${item.id}`,
        open,
        `the plan (${item.promptFile})`,
        pre(item.prompt + (item.promptTruncated ? "\n… (truncated)" : ""), { class: "prompt" }),
      )
      : h("p", { class: "muted" }, `no plan file at ${item.promptFile}`),
    verdictButtons(item, ctx, onDone),
  );
}

export default {
  id: "review",
  title: "Review queue",
  topics: ["review"],
  mount(root, ctx) {
    const notice = h("p", { class: "notice", role: "status" });
    const list = h("div");
    replace(
      root,
      h(
        "p",
        { class: "muted" },
        "Approving makes the gene the cluster's watched fix (execute mode: runs the executor now, with solidify and rollback); either verdict is recorded in the audit trail.",
      ),
      notice,
      list,
    );
    let refresh = async () => {};
    const done = (message, failed = false) => {
      replace(notice, message);
      notice.className = failed ? "notice error" : "notice ok";
      void refresh();
      ctx.reviewsChanged();
    };
    refresh = async () => {
      const data = await get("/api/review", { home: ctx.home });
      replace(
        list,
        data.items.length === 0
          ? empty(
            "Nothing waiting for review.",
            "Cycles run with lshml run --review leave their decision here for you.",
          )
          : data.items.map((item) => itemCard(item, ctx, done)),
      );
    };
    return { refresh: () => refresh() };
  },
};
