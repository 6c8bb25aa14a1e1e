import { z } from "zod";
import { ArgvSchema } from "./argv.ts";
import { GeneCategorySchema } from "./gene.ts";
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

/** How a cycle acted: advise (default), execute (an executor changed the workspace), review. */
export const EvolutionModeSchema = z.enum(["advise", "execute", "review"]);

/** What became of a cycle's decision. */
export const EventStatusSchema = z.enum([
  "advised",
  "applied",
  "validated",
  "rolled_back",
  "pending_review",
  "rejected",
  "skipped",
]);

/** See {@link EventStatusSchema}. */
export type EventStatus = z.infer<typeof EventStatusSchema>;

/**
 * How the gene was chosen, recorded so the decision can be audited and
 * replayed: the winner, why, the ranked alternatives, the seed of the cycle's
 * random choices, and the inputs the selector saw (any canonical JSON).
 */
export const SelectorSchema = z.strictObject({
  selected: LocalIdSchema.nullable(),
  reasons: z.array(textSchema(1000)),
  alternatives: z.array(z.strictObject({ gene: LocalIdSchema, score: z.number() })),
  seed: z.number().int().nonnegative(),
  inputs: z.unknown(),
});

/** One validation command as run: argv, whether it passed, its exit code when it exited. */
export const ValidationRunSchema = z.strictObject({
  cmd: ArgvSchema,
  ok: z.boolean(),
  code: z.number().int().optional(),
});

/**
 * An evolution event: one cycle's decision and outcome, a link in the
 * append-only chain of `assets/gep/events.jsonl` (DESIGN §6.4). `parent` is the
 * previous event's `asset_id` (`null` only for the first event), so deleting,
 * inserting or reordering events breaks the chain visibly.
 */
export const EvolutionEventSchema = z.strictObject({
  type: z.literal("EvolutionEvent"),
  schema_version: z.literal(1),
  id: LocalIdSchema,
  parent: AssetIdSchema.nullable(),
  /** The cycle counter when the event was recorded. */
  cycle: CountSchema,
  /** UTC ISO 8601. */
  created_at: IsoTimeSchema,
  intent: GeneCategorySchema,
  mode: EvolutionModeSchema,
  cluster_id: LocalIdSchema.nullable(),
  signals: z.array(SignalNameSchema),
  genes_used: z.array(LocalIdSchema),
  selector: SelectorSchema,
  blast_radius: BlastRadiusSchema,
  outcome: z.strictObject({
    status: EventStatusSchema,
    score: UnitScoreSchema,
    reasons: z.array(textSchema(1000)).optional(),
  }),
  capsule_id: LocalIdSchema.nullable(),
  validation: z.array(ValidationRunSchema),
  asset_id: AssetIdSchema,
});

/** An evolution event; see {@link EvolutionEventSchema}. */
export type EvolutionEvent = z.infer<typeof EvolutionEventSchema>;

/** What {@link makeEvent} needs: an event without `type`, `schema_version` and `asset_id`. */
export type EventFields = Omit<EvolutionEvent, "type" | "schema_version" | "asset_id">;

/**
 * Builds an evolution event: fills `type` and `schema_version`, validates
 * (including that `selector.inputs` is canonical JSON), and sets its `asset_id`.
 * The caller sets `parent` to {@link lastEventAssetId} of the log it appends to.
 *
 * @throws {TypeError} naming the field, for invalid or non-canonical input.
 *
 * @example
 * ```ts
 * const event = makeEvent({ id: "evt_000001", parent: null, cycle: 1, … });
 * ```
 */
export function makeEvent(fields: EventFields): EvolutionEvent {
  const { asset_id: _stale, ...rest } = fields as EventFields & { asset_id?: unknown };
  return makeAsset("EvolutionEvent", EvolutionEventSchema, {
    type: "EvolutionEvent",
    schema_version: 1,
    ...rest,
  });
}
