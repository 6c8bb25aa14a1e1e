/** One integrity problem, as {@link AuditIntegrityError} carries it. */
export interface IntegrityProblemRef {
  /** The file, relative to the home (or `built-in:assets/gep/genes.json`). */
  readonly file: string;
  /** 1-based line, when known. */
  readonly line?: number;
  readonly message: string;
}

/**
 * The GEP audit trail or a gene library failed verification: an asset whose
 * content does not match its `asset_id`, a broken event chain, a duplicate id.
 * For callers that must stop rather than act on assets they cannot trust.
 *
 * @example
 * ```ts
 * const report = await verifyAssets(home);
 * if (!report.ok) throw AuditIntegrityError.fromProblems(report.problems);
 * ```
 */
export class AuditIntegrityError extends Error {
  /** Stable code for programs and exit-code mapping. */
  readonly code = "AUDIT_INTEGRITY";
  /** What failed, where. */
  readonly problems: readonly IntegrityProblemRef[];

  constructor(message: string, problems: readonly IntegrityProblemRef[] = [], cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "AuditIntegrityError";
    this.problems = problems;
  }

  /** An error whose message lists the first problems with file and line. */
  static fromProblems(problems: readonly IntegrityProblemRef[]): AuditIntegrityError {
    const shown = problems.slice(0, 5).map((p) =>
      `${p.file}${p.line === undefined ? "" : `:${p.line}`}: ${p.message}`
    );
    const more = problems.length > shown.length ? `\n  … and ${problems.length - 5} more` : "";
    return new AuditIntegrityError(
      `GEP assets failed verification (${problems.length} problem(s)):\n  ${
        shown.join("\n  ")
      }${more}\nRun \`lshml events verify\` for the full report.`,
      problems,
    );
  }
}
