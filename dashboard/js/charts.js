/**
 * Small SVG charts drawn by hand: lines, vertical and horizontal bars, histograms, sparklines.
 * No library and no request: each chart is a `<figure>` with an inline `<svg>` whose colours come
 * from CSS classes (`s-<series>`), a legend, `<title>` tooltips, and a readable empty state.
 * Labels are SVG text nodes, so untrusted labels (cluster templates) stay text.
 *
 * @module
 */
export { niceTicks } from "./charts/_axes.js";
export { lineChart } from "./charts/line_chart.js";
export { stackedChart } from "./charts/stacked_chart.js";
export { barChart, hbarChart } from "./charts/bar_chart.js";
export { histogram } from "./charts/histogram.js";
export { sparkline } from "./charts/sparkline.js";
