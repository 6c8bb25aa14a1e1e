import type { LeaderboardEntry } from "./hub.ts";

/**
 * The Content-Security-Policy of the leaderboard page: no script, no external anything, only
 * its own inline style. With every value escaped, a hostile request key id stays text.
 */
export const LEADERBOARD_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/**
 * The contribution ranking as a small static HTML page (no script; see {@link LEADERBOARD_CSP}).
 *
 * @example
 * ```ts
 * const html = leaderboardPage(await hub.leaderboard(), new Date());
 * ```
 */
export function leaderboardPage(entries: readonly LeaderboardEntry[], at: Date): string {
  const rows = entries.map((e) =>
    `<tr><td>${e.rank}</td><td><code>${escapeHtml(e.request_key_id)}</code></td>` +
    `<td>${e.memories}</td><td>${e.merged}</td><td>${e.uses}</td><td>${e.helpful}</td>` +
    `<td>${e.reward_sum.toFixed(2)}</td><td><b>${e.score.toFixed(2)}</b></td></tr>`
  ).join("\n");
  const empty = entries.length === 0 ? `<tr><td colspan="8">No contributions yet.</td></tr>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lshml hub — contributions</title>
<style>
body{font:15px/1.4 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{padding:.35rem .6rem;border-bottom:1px solid #ddd;
text-align:right}th:nth-child(2),td:nth-child(2){text-align:left}th{background:#f4f4f4}
p{color:#555}
</style></head><body>
<h1>Shared memory: who helps</h1>
<p>Contributors are anonymous request key ids. Score = rewards other agents gave a contributor's
memories + 0.1 per memory stored. Merged = triplets that duplicated an existing memory.</p>
<table><thead><tr><th>#</th><th>contributor</th><th>memories</th><th>merged</th><th>uses</th>
<th>helpful</th><th>reward</th><th>score</th></tr></thead>
<tbody>
${rows}${empty}
</tbody></table>
<p>As of ${escapeHtml(at.toISOString())}. JSON: <code>/leaderboard?format=json</code>.</p>
</body></html>
`;
}
