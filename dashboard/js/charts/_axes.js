/**
 * What every chart shares: the drawing area, scales, round ticks, axes, legends and the
 * `<figure>` around it. Private to the charts.
 *
 * @module
 */
import { h, s } from "../dom.js";

/**
 * What every chart takes.
 *
 * @typedef {object} ChartBase
 * @property {string} title
 * @property {string} [note] a short line beside the title
 * @property {string} emptyText what an empty chart means, in words
 * @property {string} [emptyHint] what makes it fill up
 * @property {string} [xLabel]
 * @property {string} [yLabel]
 */
/** @typedef {{ name: string, cls: string, latest?: string }} LegendItem */
/** @typedef {{ label: string, value: number, cls?: string, tip?: string }} Bar */
/** @typedef {{ from: number, to: number, count: number }} Bin */

/** The drawing's size in SVG units (it scales to its box) and its margins. */
export const W = 600;
export const H = 220;
export const M = { top: 12, right: 16, bottom: 36, left: 48 };

/**
 * Round tick values covering [min, max]: steps of 1, 2 or 5 × 10^k, about `count` of them.
 *
 * @example niceTicks(0, 7) // [0, 2, 4, 6, 8]
 */
export function niceTicks(min, max, count = 5, integer = false) {
  if (!(max > min)) return [min];
  const raw = integer ? Math.max(1, (max - min) / count) : (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ??
    power * 10;
  const ticks = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) {
    ticks.push(Number(v.toFixed(10)));
  }
  if (ticks.at(-1) < max) ticks.push(Number((ticks.at(-1) + step).toFixed(10)));
  return ticks;
}

/** Maps [d0, d1] onto [r0, r1]. */
export function linear(d0, d1, r0, r1) {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** The chart's `<figure>`: caption, then the drawing or its empty state. */
export function figure(title, note, ...content) {
  return h(
    "figure",
    { class: "chart" },
    h(
      "figcaption",
      {},
      h("span", { class: "chart-title" }, title),
      note ? h("span", { class: "chart-note" }, note) : null,
    ),
    ...content,
  );
}

/** The `<svg>` of a chart, `height` units tall. */
export function svgRoot(height, label) {
  return s("svg", {
    viewBox: `0 0 ${W} ${height}`,
    role: "img",
    "aria-label": label,
    preserveAspectRatio: "xMidYMid meet",
  });
}

/** The legend: a swatch, the name and the latest value of each series. */
export function legend(series) {
  return h(
    "ul",
    { class: "legend" },
    series.map((item) =>
      h(
        "li",
        {},
        h("span", { class: `swatch s-${item.cls}` }),
        item.name,
        item.latest !== undefined ? h("b", {}, ` ${item.latest}`) : null,
      )
    ),
  );
}

/** Horizontal grid lines with their values, and the y axis label. */
export function yAxis(svg, ticks, y, format, label) {
  for (const tick of ticks) {
    const at = y(tick);
    svg.append(
      s("line", { class: "gridline", x1: M.left, x2: W - M.right, y1: at, y2: at }),
      s("text", {
        class: "tick",
        x: M.left - 6,
        y: at,
        "text-anchor": "end",
        "dominant-baseline": "middle",
      }, format(tick)),
    );
  }
  if (label) {
    svg.append(
      s("text", {
        class: "axis-label",
        x: 12,
        y: M.top + 4,
        transform: `rotate(-90 12 ${M.top + 4})`,
        "text-anchor": "end",
      }, label),
    );
  }
}

/** The x axis line, its tick labels and its label. */
export function xAxis(svg, ticks, x, height, format, label) {
  const base = height - M.bottom;
  svg.append(s("line", { class: "axis", x1: M.left, x2: W - M.right, y1: base, y2: base }));
  for (const tick of ticks) {
    svg.append(
      s("text", { class: "tick", x: x(tick), y: base + 15, "text-anchor": "middle" }, format(tick)),
    );
  }
  if (label) {
    svg.append(
      s(
        "text",
        { class: "axis-label", x: W - M.right, y: height - 4, "text-anchor": "end" },
        label,
      ),
    );
  }
}

/** Integer ticks over [min, max], at most `count`. */

export function integerTicks(min, max, count = 8) {
  const ticks = niceTicks(min, max, Math.min(count, Math.max(1, max - min))).filter((t) =>
    Number.isInteger(t)
  );
  return ticks.filter((t) => t >= min && t <= max);
}
