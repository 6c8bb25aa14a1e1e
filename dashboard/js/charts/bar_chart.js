/**
 * Bar charts: vertical bars in order (per cycle), horizontal bars with labels (per cluster).
 *
 * @module
 */
import { empty, s } from "../dom.js";
import { figure, H, legend, linear, M, niceTicks, svgRoot, W, yAxis } from "./_axes.js";
/** @typedef {import("./_axes.js").ChartBase} ChartBase */
/** @typedef {import("./_axes.js").Bar} Bar */
/** @typedef {import("./_axes.js").LegendItem} LegendItem */

/**
 * Vertical bars, one per item, in order (e.g. per cycle).
 *
 * @param {ChartBase & {
 *   bars: Bar[], cls?: string, integer?: boolean, yFormat?: (v: number) => string,
 *   legend?: LegendItem[],
 * }} options
 */
export function barChart(options) {
  const { title, bars, note } = options;
  if (bars.length === 0) return figure(title, note, empty(options.emptyText, options.emptyHint));
  const top = Math.max(1, ...bars.map((b) => b.value));
  const ticks = niceTicks(0, top, 4, options.integer !== false);
  const y = linear(0, ticks.at(-1), H - M.bottom, M.top);
  const band = (W - M.left - M.right) / bars.length;
  const width = Math.max(1, Math.min(40, band * 0.7));
  const svg = svgRoot(H, title);
  const yFormat = options.yFormat ?? ((v) => String(v));
  yAxis(svg, ticks, y, yFormat, options.yLabel);
  svg.append(
    s("line", { class: "axis", x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom }),
  );
  const labelEvery = Math.ceil(bars.length / 12);
  bars.forEach((bar, i) => {
    const cx = M.left + band * (i + 0.5);
    const top = y(bar.value);
    svg.append(
      s(
        "rect",
        {
          class: `bar s-${bar.cls ?? options.cls ?? "neutral"}`,
          x: cx - width / 2,
          y: top,
          width,
          height: Math.max(0, H - M.bottom - top),
        },
        s("title", {}, bar.tip ?? `${bar.label}: ${yFormat(bar.value)}`),
      ),
    );
    if (i % labelEvery === 0) {
      svg.append(
        s(
          "text",
          { class: "tick", x: cx, y: H - M.bottom + 15, "text-anchor": "middle" },
          bar.label,
        ),
      );
    }
  });
  if (options.xLabel) {
    svg.append(
      s(
        "text",
        { class: "axis-label", x: W - M.right, y: H - 4, "text-anchor": "end" },
        options.xLabel,
      ),
    );
  }
  return figure(title, note, svg, options.legend ? legend(options.legend) : null);
}

/**
 * Horizontal bars with a text label each (e.g. cluster sizes by template).
 *
 * @param {ChartBase & { bars: Bar[], legend?: LegendItem[] }} options
 */
export function hbarChart(options) {
  const { title, bars, note } = options;
  if (bars.length === 0) return figure(title, note, empty(options.emptyText, options.emptyHint));
  const row = 24;
  const labelWidth = 262;
  const height = M.top + bars.length * row + 8;
  const top = Math.max(1, ...bars.map((b) => b.value));
  const x = linear(0, top, labelWidth + 8, W - M.right - 40);
  const svg = svgRoot(height, title);
  bars.forEach((bar, i) => {
    const y = M.top + i * row;
    svg.append(
      s("text", {
        class: "hbar-label",
        x: labelWidth,
        y: y + row / 2,
        "text-anchor": "end",
        "dominant-baseline": "middle",
      }, bar.label),
      s(
        "rect",
        {
          class: `bar s-${bar.cls ?? "neutral"}`,
          x: labelWidth + 8,
          y: y + 4,
          width: Math.max(2, x(bar.value) - labelWidth - 8),
          height: row - 8,
          rx: 2,
        },
        s("title", {}, bar.tip ?? `${bar.label}: ${bar.value}`),
      ),
      s("text", {
        class: "tick",
        x: x(bar.value) + 6,
        y: y + row / 2,
        "dominant-baseline": "middle",
      }, String(bar.value)),
    );
  });
  return figure(title, note, svg, options.legend ? legend(options.legend) : null);
}
