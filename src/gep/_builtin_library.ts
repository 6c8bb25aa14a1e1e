import library from "../../assets/gep/genes.json" with { type: "json" };

/**
 * The built-in gene library exactly as shipped (`assets/gep/genes.json` of
 * this repository, imported as a JSON module so a compiled binary embeds it).
 * Unvalidated: {@link builtinGenes} validates it, {@link verifyAssets} reports on it.
 */
export const BUILTIN_LIBRARY: unknown = library;

/** How reports name the built-in library. */
export const BUILTIN_LIBRARY_FILE = "built-in:assets/gep/genes.json";
