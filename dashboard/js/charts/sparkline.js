/**
 * A tiny bar series for a table cell.
 *
 * @module
 */
import { s } from "../dom.js";

/**
 * A tiny bar series for a table cell (e.g. a cluster's last 14 days).
 *
 * @param {number[]} values
 * @param {{ cls?: string, label?: string, titles?: string[] }} [options]
 */
export function sparkline(values, options = {}) {
  const width = 112;
  const height = 26;
  const top = Math.max(1, ...values);
  const band = width / Math.max(1, values.length);
  const svg = s("svg", {
    class: "spark",
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": options.label ?? "history",
  });
  values.forEach((value, i) => {
    const barHeight = value === 0 ? 1 : Math.max(2, (value / top) * (height - 2));
    svg.append(
      s(
        "rect",
        {
          class: `bar s-${value === 0 ? "zero" : options.cls ?? "neutral"}`,
          x: i * band + 1,
          y: height - barHeight,
          width: Math.max(1, band - 2),
          height: barHeight,
        },
        s("title", {}, options.titles?.[i] ?? String(value)),
      ),
    );
  });
  return svg;
}
