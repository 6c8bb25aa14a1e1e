import { z } from "zod";
import { defineVersionedFile } from "../store/mod.ts";
import { CapsuleSchema } from "./capsule.ts";
import { GeneSchema } from "./gene.ts";

const GeneLibraryDocument = z.strictObject({ version: z.literal(1), genes: z.array(GeneSchema) });

/** The content of a `genes.json`: `{version: 1, genes: Gene[]}`. */
export type GeneLibraryDocument = z.infer<typeof GeneLibraryDocument>;

/**
 * `assets/gep/genes.json`, read and written through the store (atomic writes,
 * quarantine of a file that does not parse or match the schema). The schema
 * checks each gene's shape; whether its `asset_id` matches its content is
 * checked by {@link loadGenes} and {@link verifyAssets}.
 */
export const GenesFile = defineVersionedFile({
  name: "gene library",
  version: 1,
  schema: GeneLibraryDocument,
  empty: (): GeneLibraryDocument => ({ version: 1, genes: [] }),
});

const CapsulesDocument = z.strictObject({
  version: z.literal(1),
  capsules: z.array(CapsuleSchema),
});

/** The content of `capsules.json`: `{version: 1, capsules: Capsule[]}`. */
export type CapsulesDocument = z.infer<typeof CapsulesDocument>;

/** `assets/gep/capsules.json`, read and written through the store. */
export const CapsulesFile = defineVersionedFile({
  name: "capsule list",
  version: 1,
  schema: CapsulesDocument,
  empty: (): CapsulesDocument => ({ version: 1, capsules: [] }),
});
