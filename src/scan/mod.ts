/**
 * One scan of the agent's history: sources → signals → clusters, committed
 * with the source cursors so that every event is counted once.
 *
 * @module
 */
export { engineJournalPath, engineLockPath, runScan } from "./run_scan.ts";
export type { ScanOptions } from "./run_scan.ts";
export { RECURRING_MIN_COUNT, scanPass } from "./scan_pass.ts";
export type { ScanPass, ScanPassOptions } from "./scan_pass.ts";
export type { ClusterSummary, ScanReport, SourceReport } from "./scan_report.ts";
export { assignLines, loadClusters } from "./assign_lines.ts";
export type { Assignment } from "./assign_lines.ts";
export { mergeSemantically, SEMANTIC_MERGE_THRESHOLD } from "./semantic_merges.ts";
