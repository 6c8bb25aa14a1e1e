import type { BlastViolation } from "./check_blast_radius.ts";
import type { PathViolation } from "./check_paths.ts";
import type { EthicsFinding } from "./ethics_check.ts";
import type { CommandResult } from "./run_commands.ts";

/** One line per blast-radius violation: "12 files changed, gene allows 5". */
export function _blastReasons(violations: readonly BlastViolation[]): string[] {
  return violations.map((v) =>
    `blast radius: ${v.actual} ${v.limit === "max_files" ? "files" : "lines"} changed, ` +
    `${v.source === "gene" ? "the gene allows" : "the hard cap is"} ${v.allowed}`
  );
}

/** One line per protected path touched. */
export function _pathReasons(violations: readonly PathViolation[]): string[] {
  const why: Record<PathViolation["rule"], string> = {
    forbidden: "forbidden path",
    critical: "critical path (needs EVOLVE_ALLOW_SELF_MODIFY=true)",
    engine: "lshml's own files (needs EVOLVE_ALLOW_SELF_MODIFY=true)",
    git_metadata: "git metadata (hooks/config) changed",
  };
  return violations.map((v) => `${why[v.rule]}: ${v.path} (matches \`${v.pattern}\`)`);
}

/** One line per blocking ethics finding. */
export function _ethicsReasons(findings: readonly EthicsFinding[]): string[] {
  return findings.filter((f) => f.severity === "block").map((f) => {
    const where = f.source === "diff"
      ? `${f.file ?? "diff"} (diff line ${f.line})`
      : `${f.source} ${f.line}`;
    return `ethics: ${f.rule} in ${where}: ${f.message}: ${f.excerpt}`;
  });
}

/** One line per failed command: how it failed and the last line it wrote. */
export function _commandReasons(stage: string, results: readonly CommandResult[]): string[] {
  return results.filter((r) => !r.ok).map((r) => {
    const how = r.error !== null
      ? `could not start (${r.error})`
      : r.timedOut
      ? `timed out after ${r.durationMs} ms and was killed`
      : r.code !== null
      ? `exited ${r.code}`
      : `was killed by ${r.signal}`;
    const last = (r.stderrTail.trim() || r.stdoutTail.trim()).split("\n").at(-1) ?? "";
    return `${stage}: ${JSON.stringify(r.cmd)} ${how}${last ? `: ${last.slice(0, 200)}` : ""}`;
  });
}
