import type { ChangeSet } from "./measure_changes.ts";

/** Most files and lines (added + removed) one change may touch. */
export interface BlastLimits {
  readonly maxFiles: number;
  readonly maxLines: number;
}

/** One limit a change went over. */
export interface BlastViolation {
  readonly limit: "max_files" | "max_lines";
  /** `gene`: the gene's own constraint; `hard_cap`: the configured ceiling over all genes. */
  readonly source: "gene" | "hard_cap";
  readonly allowed: number;
  readonly actual: number;
}

/**
 * Compares a change's size with the gene's constraints and the hard caps. Every path counts
 * as one file (a binary file too, with 0 lines; a rename once); lines are added + removed.
 * A violation is reported for each limit exceeded, so the gene's and the cap's can both
 * appear. Empty result = within limits.
 *
 * @throws {RangeError} for a limit that is not a non-negative integer.
 *
 * @example
 * ```ts
 * checkBlastRadius(changes, { maxFiles: 2, maxLines: 40 }, { maxFiles: 20, maxLines: 1000 });
 * // [{ limit: "max_lines", source: "gene", allowed: 40, actual: 57 }]
 * ```
 */
export function checkBlastRadius(
  changes: Pick<ChangeSet, "totals">,
  gene: BlastLimits,
  hardCaps: BlastLimits,
): BlastViolation[] {
  const violations: BlastViolation[] = [];
  for (const [source, limits] of [["gene", gene], ["hard_cap", hardCaps]] as const) {
    for (
      const [limit, allowed, actual] of [
        ["max_files", limits.maxFiles, changes.totals.files],
        ["max_lines", limits.maxLines, changes.totals.lines],
      ] as const
    ) {
      if (!Number.isInteger(allowed) || allowed < 0) {
        throw new RangeError(`${source} ${limit} must be a non-negative integer, got ${allowed}`);
      }
      if (actual > allowed) violations.push({ limit, source, allowed, actual });
    }
  }
  return violations;
}
