/**
 * Stacked counts per x: a continuous area (cycles) or separate bars (days).
 *
 * @module
 */
import { empty, s } from "../dom.js";
import {
  figure,
  H,
  integerTicks,
  legend,
  linear,
  M,
  niceTicks,
  svgRoot,
  W,
  xAxis,
  yAxis,
} from "./_axes.js";
/** @typedef {import("./_axes.js").ChartBase} ChartBase */

/**
 * Counts of several kinds after each x (cycle), stacked: each x is a column from halfway to its
 * left neighbour to halfway to its right one, so thinned-out series still tile the axis.
 *
 * @param {ChartBase & {
 *   xs: number[], series: { name: string, cls: string, values: number[] }[],
 *   xName?: string, xFormat?: (v: number) => string, bars?: boolean,
 * }} options series from the bottom of the stack to the top
 */
export function stackedChart(options) {
  const { title, xs, series, note } = options;
  if (xs.length === 0) return figure(title, note, empty(options.emptyText, options.emptyHint));
  const totals = xs.map((_, i) => series.reduce((n, line) => n + (line.values[i] ?? 0), 0));
  const ticks = niceTicks(0, Math.max(1, ...totals), 4, true);
  const edges = xs.map((v, i) => i === 0 ? v - 0.5 : (xs[i - 1] + v) / 2);
  edges.push(xs.at(-1) + 0.5);
  const x = linear(edges[0], edges.at(-1), M.left + 4, W - M.right - 4);
  const y = linear(0, ticks.at(-1), H - M.bottom, M.top);
  const svg = svgRoot(H, title);
  yAxis(svg, ticks, y, (v) => String(v), options.yLabel);
  xAxis(
    svg,
    integerTicks(Math.ceil(xs[0]), Math.floor(xs.at(-1))),
    x,
    H,
    options.xFormat ?? ((v) => String(v)),
    options.xLabel,
  );
  const below = xs.map(() => 0);
  if (options.bars) {
    // Separate stacked bars (e.g. per day) instead of a continuous area.
    const band = (i) => [x(edges[i]), x(edges[i + 1])];
    for (const line of series) {
      xs.forEach((_, i) => {
        const value = line.values[i] ?? 0;
        if (value === 0) return;
        const [left, right] = band(i);
        const inset = (right - left) * 0.15;
        const top = y(below[i] + value);
        svg.append(
          s("rect", {
            class: `bar s-${line.cls}`,
            x: left + inset,
            y: top,
            width: right - left - 2 * inset,
            height: y(below[i]) - top,
          }),
        );
        below[i] += value;
      });
    }
  }
  for (const line of options.bars ? [] : series) {
    const upper = [];
    const lower = [];
    xs.forEach((_, i) => {
      const lo = below[i];
      const hi = lo + (line.values[i] ?? 0);
      upper.push([x(edges[i]), y(hi)], [x(edges[i + 1]), y(hi)]);
      lower.push([x(edges[i]), y(lo)], [x(edges[i + 1]), y(lo)]);
      below[i] = hi;
    });
    const outline = [...upper, ...lower.reverse()].map(([px, py]) => `${px},${py}`).join(" L");
    svg.append(s("path", { class: `area s-${line.cls}`, d: `M${outline} Z` }));
  }
  xs.forEach((v, i) => {
    const parts = series.map((line) => `${line.name} ${line.values[i] ?? 0}`).join(", ");
    svg.append(
      s(
        "rect",
        {
          class: "hover",
          x: x(edges[i]),
          y: M.top,
          width: Math.max(1, x(edges[i + 1]) - x(edges[i])),
          height: H - M.bottom - M.top,
        },
        s("title", {}, `${options.xName ?? "x"} ${v}: ${parts}`),
      ),
    );
  });
  const shown = series.map((line) => ({
    name: line.name,
    cls: line.cls,
    latest: String(line.values.at(-1) ?? 0),
  }));
  return figure(title, note, svg, legend(shown));
}
