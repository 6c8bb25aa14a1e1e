/**
 * Building the page without ever parsing data as HTML. Every string that reaches the DOM through
 * these helpers becomes a text node (or an attribute value set by name from code), so a log line
 * such as `<img src=x onerror=…>` is shown as those characters and never runs. There is no
 * innerHTML anywhere in the dashboard (a test checks).
 *
 * @module
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/** Attributes code may set; anything that can carry script (on*, style, srcdoc, src…) is refused. */
const ALLOWED_ATTRIBUTE =
  /^(?:class|id|title|type|value|name|placeholder|role|for|min|max|step|open|disabled|hidden|colspan|rowspan|tabindex|autocomplete|spellcheck|selected|checked|aria-[a-z-]+|data-[a-z-]+|viewBox|width|height|x|y|x1|x2|y1|y2|cx|cy|r|rx|d|points|text-anchor|dominant-baseline|transform|preserveAspectRatio|focusable|xmlns)$/;

function setProps(el, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) {
      if (typeof value !== "function") throw new TypeError(`${key} must be a function`);
      el.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      el.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    } else if (key === "href") {
      // Links go to the dashboard's own pages only: never a URL that came from data.
      if (!/^#\/[a-z]+$/.test(String(value))) throw new TypeError(`link ${value} is not a page`);
      el.setAttribute("href", value);
    } else if (ALLOWED_ATTRIBUTE.test(key)) {
      el.setAttribute(key, value === true ? "" : String(value));
    } else {
      throw new TypeError(`attribute ${key} is not allowed`);
    }
  }
}

/** Appends children: nodes as they are, anything else as text; arrays are flattened. */
export function append(parent, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
  return parent;
}

/**
 * Creates an HTML element. `props` sets allowed attributes and `on…` listeners; children are
 * nodes or text.
 *
 * @example h("p", { class: "note" }, "3 clusters: ", h("code", {}, template))
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  setProps(el, props);
  return append(el, children);
}

/** Creates an SVG element, the same way as {@link h}. */
export function s(tag, props = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  return append(el, children);
}

/** Replaces everything inside `el` with `children`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * A `<details>` whose open state survives re-rendering: `openKeys` remembers which keys are open.
 */
export function details(key, openKeys, summary, ...content) {
  const el = h("details", { open: openKeys.has(key), "data-key": key }, h("summary", {}, summary));
  el.addEventListener("toggle", () => {
    if (el.open) openKeys.add(key);
    else openKeys.delete(key);
  });
  return append(el, content);
}

/** A short status word with its colour: active, proven, failed, pending, ok, … */
export function badge(text, kind = text) {
  return h("span", { class: `badge badge-${String(kind).replace(/[^a-z_-]/gi, "")}` }, text);
}

/** A friendly "nothing here yet" block with what to do about it. */
export function empty(message, hint) {
  return h(
    "div",
    { class: "empty" },
    h("p", {}, message),
    hint ? h("p", { class: "hint" }, hint) : null,
  );
}

/** A number with a label, for the rows of tiles at the top of a page. */
export function tile(label, value, note, kind) {
  return h(
    "div",
    { class: ["tile", kind ? `tile-${kind}` : ""] },
    h("div", { class: "tile-value" }, value),
    h("div", { class: "tile-label" }, label),
    note ? h("div", { class: "tile-note" }, note) : null,
  );
}

/** A table from a header row and rows of cells (nodes or text). */
export function table(headers, rows, props = {}) {
  return h(
    "table",
    props,
    h("thead", {}, h("tr", {}, headers.map((title) => h("th", {}, title)))),
    h(
      "tbody",
      {},
      rows.map((cells) =>
        cells instanceof Node ? cells : h("tr", {}, cells.map((cell) => h("td", {}, cell)))
      ),
    ),
  );
}

/** A block of untrusted text (a diff, a prompt, a log line), shown exactly as it is. */
export function pre(text, props = {}) {
  return h("pre", props, text);
}
