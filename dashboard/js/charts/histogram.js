/**
 * A histogram over bins `[from, to)`.
 *
 * @module
 */
import { empty, s } from "../dom.js";
import { figure, H, linear, M, niceTicks, svgRoot, W, xAxis, yAxis } from "./_axes.js";
/** @typedef {import("./_axes.js").ChartBase} ChartBase */
/** @typedef {import("./_axes.js").Bin} Bin */

/**
 * A histogram over bins `[from, to)`.
 *
 * @param {ChartBase & { bins: Bin[], xFormat?: (v: number) => string, cls?: string }} options
 */
export function histogram(options) {
  const { title, bins, note } = options;
  const total = bins.reduce((n, b) => n + b.count, 0);
  if (total === 0) return figure(title, note, empty(options.emptyText, options.emptyHint));
  const xFormat = options.xFormat ?? ((v) => String(v));
  const ticks = niceTicks(0, Math.max(1, ...bins.map((b) => b.count)), 4, true);
  const lo = bins[0].from;
  const hi = bins.at(-1).to;
  const x = linear(lo, hi, M.left, W - M.right);
  const y = linear(0, ticks.at(-1), H - M.bottom, M.top);
  const svg = svgRoot(H, title);
  yAxis(svg, ticks, y, (v) => String(v), options.yLabel ?? "count");
  const edges = [lo, ...bins.map((b) => b.to)];
  const every = Math.ceil(edges.length / 11);
  xAxis(svg, edges.filter((_, i) => i % every === 0), x, H, xFormat, options.xLabel);
  for (const bin of bins) {
    const top = y(bin.count);
    svg.append(
      s(
        "rect",
        {
          class: `bar s-${options.cls ?? "neutral"}`,
          x: x(bin.from) + 1,
          y: top,
          width: Math.max(1, x(bin.to) - x(bin.from) - 2),
          height: H - M.bottom - top,
        },
        s("title", {}, `${xFormat(bin.from)} – ${xFormat(bin.to)}: ${bin.count}`),
      ),
    );
  }
  return figure(title, note, svg);
}
