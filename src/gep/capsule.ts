import { z } from "zod";
import { boundDiff, MAX_DIFF_BYTES } from "./bound_diff.ts";
import { EnvFingerprintSchema } from "./env_fingerprint.ts";
import { makeAsset } from "./_make_asset.ts";
import {
  AssetIdSchema,
  BlastRadiusSchema,
  CountSchema,
  IsoTimeSchema,
  LocalIdSchema,
  SignalNameSchema,
  textSchema,
  UnitScoreSchema,
} from "./_fields.ts";

const DiffSchema = z.string().refine(
  (diff) => new TextEncoder().encode(diff).length <= MAX_DIFF_BYTES,
  { message: `a capsule's diff is at most ${MAX_DIFF_BYTES} bytes (use boundDiff)` },
);

/**
 * A capsule: the record of one successful evolution — which cluster and signals
 * triggered it, which gene fixed it, how much it changed, how it scored, and the
 * (bounded) diff (DESIGN §6.4).
 */
export const CapsuleSchema = z.strictObject({
  type: z.literal("Capsule"),
  schema_version: z.literal(1),
  id: LocalIdSchema,
  trigger: z.strictObject({ cluster_id: LocalIdSchema, signals: z.array(SignalNameSchema) }),
  /** The gene's id. */
  gene: LocalIdSchema,
  summary: textSchema(4000),
  /** How sure the engine is that the fix holds, 0..1. */
  confidence: UnitScoreSchema,
  blast_radius: BlastRadiusSchema,
  outcome: z.strictObject({ status: z.literal("success"), score: UnitScoreSchema }),
  /** Consecutive clean cycles since the fix. */
  success_streak: CountSchema,
  env_fingerprint: EnvFingerprintSchema,
  /** The change as a unified diff, at most {@link MAX_DIFF_BYTES} (see {@link boundDiff}). */
  diff: DiffSchema,
  /** UTC ISO 8601. */
  created_at: IsoTimeSchema,
  asset_id: AssetIdSchema,
});

/** A capsule; see {@link CapsuleSchema}. */
export type Capsule = z.infer<typeof CapsuleSchema>;

/** What {@link makeCapsule} needs; `diff` may be of any length, it is bounded here. */
export type CapsuleFields = Omit<Capsule, "type" | "schema_version" | "asset_id">;

/**
 * Builds a capsule: fills `type` and `schema_version`, truncates the diff to
 * {@link MAX_DIFF_BYTES} with a marker, validates, and sets its `asset_id`.
 *
 * @throws {TypeError} naming the field, for invalid or non-canonical input.
 *
 * @example
 * ```ts
 * const capsule = makeCapsule({ id: "cap_1", gene: "gene_timeout_raise_limit", diff, … });
 * ```
 */
export function makeCapsule(fields: CapsuleFields): Capsule {
  const { asset_id: _stale, ...rest } = fields as CapsuleFields & { asset_id?: unknown };
  const diff = typeof rest.diff === "string" ? boundDiff(rest.diff) : rest.diff;
  return makeAsset("Capsule", CapsuleSchema, {
    type: "Capsule",
    schema_version: 1,
    ...rest,
    diff,
  });
}
