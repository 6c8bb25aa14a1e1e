/**
 * A line chart of one or more series over a numeric x.
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
 * A line chart of one or more series over a numeric x (cycles).
 *
 * @param {ChartBase & {
 *   series: { name: string, cls: string, points: { x: number, y: number, label?: string }[] }[],
 *   step?: boolean, yMin?: number, yMax?: number, yFormat?: (v: number) => string,
 * }} options `step` draws a count that holds until the next point
 */
export function lineChart(options) {
  const { title, series, note } = options;
  const all = series.flatMap((line) => line.points);
  const yFormat = options.yFormat ?? ((v) => String(v));
  if (all.length === 0) return figure(title, note, empty(options.emptyText, options.emptyHint));
  let x0 = Math.min(...all.map((p) => p.x));
  let x1 = Math.max(...all.map((p) => p.x));
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
  const yTop = options.yMax ?? Math.max(1, ...all.map((p) => p.y));
  const yTicks = options.yMax === undefined
    ? niceTicks(options.yMin ?? 0, yTop, 4)
    : niceTicks(options.yMin ?? 0, options.yMax, 4);
  const y0 = yTicks[0];
  const y1 = yTicks.at(-1);
  const x = linear(x0, x1, M.left + 8, W - M.right - 8);
  const y = linear(y0, y1, H - M.bottom, M.top);
  const svg = svgRoot(H, title);
  yAxis(svg, yTicks, y, yFormat, options.yLabel);
  xAxis(svg, integerTicks(Math.ceil(x0), Math.floor(x1)), x, H, (v) => String(v), options.xLabel);
  for (const line of series) {
    const pts = [...line.points].sort((a, b) => a.x - b.x);
    if (pts.length === 0) continue;
    let d = `M${x(pts[0].x)},${y(pts[0].y)}`;
    for (let i = 1; i < pts.length; i++) {
      d += options.step ? `H${x(pts[i].x)}V${y(pts[i].y)}` : `L${x(pts[i].x)},${y(pts[i].y)}`;
    }
    svg.append(s("path", { class: `line s-${line.cls}`, d }));
    if (pts.length <= 60) {
      for (const p of pts) {
        svg.append(
          s(
            "circle",
            { class: `dot s-${line.cls}`, cx: x(p.x), cy: y(p.y), r: 3.5 },
            s("title", {}, p.label ?? `${line.name}: ${yFormat(p.y)} (x ${p.x})`),
          ),
        );
      }
    }
  }
  const shown = series.map((line) => ({
    name: line.name,
    cls: line.cls,
    latest: line.points.length ? yFormat(line.points.at(-1).y) : "–",
  }));
  return figure(title, note, svg, legend(shown));
}
