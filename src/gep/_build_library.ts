/**
 * Regenerates the `asset_id` of every gene in the built-in library
 * (`assets/gep/genes.json`) after its text was edited, and rewrites the file in
 * its reviewed layout. A test fails while any id is stale.
 *
 * ```sh
 * deno run --allow-read=assets/gep --allow-write=assets/gep src/gep/_build_library.ts
 * ```
 *
 * @module
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type GeneLibraryDocument, GenesFile } from "./asset_files.ts";
import { type GeneFields, makeGene } from "./gene.ts";
import { formatJson } from "./_format_json.ts";

/** The shipped library file. */
export const LIBRARY_PATH: string = fileURLToPath(
  new URL("../../assets/gep/genes.json", import.meta.url),
);

/**
 * Re-makes every gene of a library document (ids recomputed) and validates the
 * result.
 *
 * @throws {TypeError} naming the gene and field when a gene is invalid.
 */
export function rebuildLibrary(doc: unknown): GeneLibraryDocument {
  const genes = (doc as { genes?: unknown }).genes;
  if (!Array.isArray(genes)) throw new TypeError("a gene library needs a genes array");
  const rebuilt = genes.map((gene, i) => {
    try {
      return makeGene(gene as GeneFields);
    } catch (error) {
      throw new TypeError(`genes[${i}]: ${(error as Error).message}`, { cause: error });
    }
  });
  return GenesFile.schema.parse({ version: 1, genes: rebuilt });
}

/** The library file's text: {@link formatJson} and a final newline. */
export function formatLibrary(doc: GeneLibraryDocument): string {
  return `${formatJson(doc)}\n`;
}

if (import.meta.main) {
  const doc = rebuildLibrary(JSON.parse(await readFile(LIBRARY_PATH, "utf8")));
  await writeFile(LIBRARY_PATH, formatLibrary(doc));
  console.log(`${LIBRARY_PATH}: ${doc.genes.length} genes, ids regenerated`);
}
