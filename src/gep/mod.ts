/**
 * GEP (Genetic Evolution Protocol): the auditable record of evolution. Genes
 * (reusable fix strategies), capsules (successful evolutions) and the
 * append-only chain of evolution events, each content-hashed over canonical
 * JSON so that every id still verifies after a reload, and a verifier that
 * reports tampering with file and line (DESIGN §6.4).
 *
 * @module
 */
export { canonicalJson } from "./canonical_json.ts";
export { ASSET_ID_PATTERN, assetId, verifyAssetId, withAssetId } from "./asset_id.ts";
export type { AssetLike } from "./asset_id.ts";
export { argvProblem, ArgvSchema, SafeArgvSchema } from "./argv.ts";
export {
  GeneCategorySchema,
  GeneConstraintsSchema,
  GeneSchema,
  makeGene,
  SignalMatchSchema,
} from "./gene.ts";
export type { Gene, GeneCategory, GeneFields } from "./gene.ts";
export { CapsuleSchema, makeCapsule } from "./capsule.ts";
export type { Capsule, CapsuleFields } from "./capsule.ts";
export { boundDiff, MAX_DIFF_BYTES } from "./bound_diff.ts";
export { envFingerprint, EnvFingerprintSchema } from "./env_fingerprint.ts";
export type { EnvFingerprint } from "./env_fingerprint.ts";
export {
  EventStatusSchema,
  EvolutionEventSchema,
  EvolutionModeSchema,
  makeEvent,
  SelectorSchema,
  ValidationRunSchema,
} from "./evolution_event.ts";
export type { EventFields, EventStatus, EvolutionEvent } from "./evolution_event.ts";
export { matchGene } from "./match_gene.ts";
export type { GeneMatch, GeneMatchInput } from "./match_gene.ts";
export { gepPaths } from "./gep_paths.ts";
export type { GepPaths } from "./gep_paths.ts";
export { CapsulesFile, GenesFile } from "./asset_files.ts";
export type { CapsulesDocument, GeneLibraryDocument } from "./asset_files.ts";
export { builtinGenes } from "./builtin_genes.ts";
export { loadGenes } from "./load_genes.ts";
export { readCapsules } from "./read_capsules.ts";
export { saveCapsule } from "./save_capsule.ts";
export { readEvents } from "./read_events.ts";
export type { EventAtLine, ReadEventsResult } from "./read_events.ts";
export { lastEventAssetId } from "./last_event_asset_id.ts";
export { appendEvent } from "./append_event.ts";
export { verifyAssets } from "./verify_assets.ts";
export type {
  AssetProblem,
  AssetProblemKind,
  FileVerification,
  VerifyReport,
} from "./verify_report.ts";
export { AuditIntegrityError } from "./audit_integrity_error.ts";
export type { IntegrityProblemRef } from "./audit_integrity_error.ts";
