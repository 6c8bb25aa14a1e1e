import { type ReadOptions, readVersioned } from "../store/mod.ts";
import { AuditIntegrityError, type IntegrityProblemRef } from "./audit_integrity_error.ts";
import { verifyAssetId } from "./asset_id.ts";
import { GenesFile } from "./asset_files.ts";
import { builtinGenes } from "./builtin_genes.ts";
import type { Gene } from "./gene.ts";
import { gepPaths } from "./gep_paths.ts";

const HOME_GENES_FILE = "assets/gep/genes.json";

function homeProblems(genes: readonly Gene[]): IntegrityProblemRef[] {
  const problems: IntegrityProblemRef[] = [];
  const seen = new Map<string, number>();
  genes.forEach((gene, index) => {
    if (!verifyAssetId(gene)) {
      problems.push({
        file: HOME_GENES_FILE,
        message: `genes[${index}] (${gene.id}): asset_id does not match its content ` +
          "(edited by hand? rebuild it with makeGene)",
      });
    }
    const first = seen.get(gene.id);
    if (first !== undefined) {
      problems.push({
        file: HOME_GENES_FILE,
        message: `genes[${index}]: duplicate id ${gene.id} (first at genes[${first}])`,
      });
    } else seen.set(gene.id, index);
  });
  return problems;
}

/**
 * The genes an evolution may use: the built-in library (`assets/gep/genes.json`
 * of this repository, embedded) with the home's `assets/gep/genes.json` merged
 * over it. A home gene with the id of a built-in one replaces it in place;
 * other home genes follow the built-in ones in file order. Every gene is
 * validated: the store quarantines a home file whose shape is invalid
 * (`StoreCorruptError`), and a gene whose `asset_id` does not match its content,
 * or an id used twice in the home file, fails the load — genes steer what an
 * agent does, so one that cannot be trusted is not used.
 *
 * @throws {AuditIntegrityError} for a tampered or stale gene or a duplicate id.
 *
 * @example
 * ```ts
 * const genes = await loadGenes(home);
 * ```
 */
export async function loadGenes(home: string, options: ReadOptions = {}): Promise<Gene[]> {
  const { value } = await readVersioned(gepPaths(home).genes, GenesFile, options);
  const problems = homeProblems(value.genes);
  if (problems.length > 0) throw AuditIntegrityError.fromProblems(problems);
  const merged = new Map<string, Gene>(builtinGenes().map((gene) => [gene.id, gene]));
  for (const gene of value.genes) merged.set(gene.id, gene);
  return [...merged.values()];
}
