import { AuditIntegrityError } from "./audit_integrity_error.ts";
import { verifyAssetId } from "./asset_id.ts";
import { GenesFile } from "./asset_files.ts";
import type { Gene } from "./gene.ts";
import { describeIssues } from "./_issues.ts";
import { BUILTIN_LIBRARY, BUILTIN_LIBRARY_FILE } from "./_builtin_library.ts";

let cached: readonly Gene[] | undefined;

/**
 * The built-in gene library, validated once (schema and every `asset_id`) and
 * cached. A failure here is a packaging bug, caught by the library test.
 *
 * @throws {AuditIntegrityError} when the shipped library is invalid or a gene's id is stale.
 *
 * @example
 * ```ts
 * builtinGenes().find((g) => g.id === "gene_timeout_raise_limit")?.strategy;
 * ```
 */
export function builtinGenes(): readonly Gene[] {
  if (cached) return cached;
  const parsed = GenesFile.schema.safeParse(BUILTIN_LIBRARY);
  if (!parsed.success) {
    const message = `the built-in gene library is invalid: ${describeIssues(parsed.error)}`;
    throw new AuditIntegrityError(message, [{ file: BUILTIN_LIBRARY_FILE, message }]);
  }
  const stale = parsed.data.genes.filter((gene) => !verifyAssetId(gene));
  if (stale.length > 0) {
    throw AuditIntegrityError.fromProblems(stale.map((gene) => ({
      file: BUILTIN_LIBRARY_FILE,
      message: `gene ${gene.id}: asset_id does not match its content`,
    })));
  }
  cached = Object.freeze(parsed.data.genes);
  return cached;
}
