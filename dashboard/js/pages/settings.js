/**
 * Settings (read-only): the effective configuration with the source of every value (secrets never
 * in clear), the sandbox as it is, and the health of every data file.
 *
 * @module
 */
import { get } from "../api.js";
import { badge, h, replace, table } from "../dom.js";
import { bytes, plural } from "../format.js";

let filter = "";

function sandboxCard(sandbox) {
  if (!sandbox) {
    return h(
      "section",
      { class: "card" },
      h("h2", {}, "Sandbox"),
      h("p", {}, "Not running under Deno: no sandbox enforces the permissions."),
    );
  }
  const network = sandbox.network === "local-only"
    ? badge("network: local-only", "ok")
    : badge(`network: ${sandbox.network}`, "pending");
  return h(
    "section",
    { class: "card" },
    h("h2", {}, "Sandbox ", network),
    h("h3", {}, "missing"),
    sandbox.missing.length === 0
      ? h("p", {}, "nothing: every permission this configuration needs is granted")
      : h(
        "ul",
        {},
        sandbox.missing.map((n) => h("li", {}, `${n.kind} ${n.value ?? "(all)"} — to ${n.why}`)),
      ),
    h("h3", {}, "wider than needed"),
    sandbox.wider.length === 0
      ? h("p", {}, "nothing")
      : h("ul", {}, sandbox.wider.map((w) => h("li", {}, w))),
    h("h3", {}, "exact flags for this configuration"),
    h("pre", {}, sandbox.flags.join(" ")),
  );
}

function fileRow(file) {
  const health = file.health;
  const state = health.status === "ok"
    ? badge("ok", "ok")
    : health.status === "missing"
    ? badge("not yet", "muted")
    : badge(health.status, "failed");
  const detail = health.status === "ok"
    ? [
      health.records !== undefined ? plural(health.records, "record") : `format v${health.version}`,
      bytes(health.bytes),
      ...health.notes,
    ].join(", ")
    : health.reason ?? "";
  return [h("code", {}, file.file), state, detail, file.setAside.join(", ")];
}

function valueText(value) {
  if (value === null || value === undefined) return "(unset)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export default {
  id: "settings",
  title: "Settings",
  topics: ["settings", "overview"],
  mount(root, ctx) {
    const top = h("div");
    const settings = h("div");
    let rows = [];
    const draw = () => {
      const needle = filter.toLowerCase();
      const shown = rows.filter((r) =>
        !needle || `${r.key} ${r.env} ${r.description}`.toLowerCase().includes(needle)
      );
      replace(
        settings,
        table(
          ["setting", "value", "source", "allowed"],
          shown.map((r) => [
            h("div", {}, h("code", {}, r.key), h("div", { class: "muted small" }, r.description)),
            r.secret
              ? h("span", { class: "secret" }, valueText(r.value))
              : h("code", {}, valueText(r.value)),
            h("div", {}, r.source, h("div", { class: "muted small" }, r.env)),
            h("span", { class: "small" }, r.allowed),
          ]),
          { class: "settings" },
        ),
      );
    };
    const search = h("input", {
      type: "search",
      placeholder: "filter settings",
      value: filter,
      "aria-label": "filter settings",
      oninput: (event) => {
        filter = event.target.value;
        draw();
      },
    });
    replace(
      root,
      top,
      h(
        "section",
        { class: "card wide" },
        h("h2", {}, "Effective configuration"),
        h(
          "p",
          { class: "muted" },
          "Flags > environment > config.json > defaults. Read-only here: change config.json or the environment, as lshml config explains.",
        ),
        h("div", { class: "toolbar" }, search),
        settings,
      ),
    );
    return {
      async refresh() {
        const data = await get("/api/settings", { home: ctx.home });
        rows = data.settings;
        replace(
          top,
          h(
            "section",
            { class: "card wide" },
            h(
              "dl",
              { class: "facts" },
              h("dt", {}, "home"),
              h("dd", {}, h("code", {}, data.home)),
              h("dt", {}, "config file"),
              h(
                "dd",
                {},
                h("code", {}, data.configFile.path),
                data.configFile.present ? "" : " (none)",
              ),
              h("dt", {}, "dashboard access"),
              h(
                "dd",
                {},
                data.access === "loopback"
                  ? "this machine only (loopback)"
                  : "any address, with the token",
              ),
              h("dt", {}, "version"),
              h("dd", {}, `lshml ${data.version}`),
            ),
            data.warnings.length > 0
              ? h("ul", { class: "warnings" }, data.warnings.map((w) => h("li", {}, w)))
              : null,
          ),
          h(
            "div",
            { class: "grid" },
            sandboxCard(data.sandbox),
            h(
              "section",
              { class: "card" },
              h("h2", {}, "Data files"),
              table(["file", "state", "content", "set aside"], data.files.map(fileRow), {
                class: "compact",
              }),
            ),
          ),
        );
        draw();
      },
    };
  },
};
