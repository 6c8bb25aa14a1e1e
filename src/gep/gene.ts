import { z } from "zod";
import { SafeArgvSchema } from "./argv.ts";
import { makeAsset } from "./_make_asset.ts";
import { AssetIdSchema, CountSchema, LocalIdSchema, textSchema } from "./_fields.ts";

/** What a gene is for: fixing errors, making things better, or adding something new. */
export const GeneCategorySchema = z.enum(["repair", "optimize", "innovate"]);

/** See {@link GeneCategorySchema}. */
export type GeneCategory = z.infer<typeof GeneCategorySchema>;

/**
 * One `signals_match` entry. An entry that is a signal type (`timeout`,
 * `missing_resource`, … see `SIGNAL_TYPES`) matches signals of that type; any
 * other entry is a keyword, matched as a plain lowercase substring (no regex)
 * of the cluster's template or error text. See {@link matchGene}.
 */
export const SignalMatchSchema = z.string().min(1).max(64).refine(
  (s) => s === s.trim().toLowerCase(),
  { message: "expected a lowercase signal type or keyword without surrounding spaces" },
);

/** Glob patterns, relative to the workspace, of paths a gene's change must not touch. */
const GlobSchema = z.string().min(1).max(256).refine((s) => !/[\0\r\n]/.test(s), {
  message: "a glob must not contain NUL or line breaks",
});

/** Limits on what applying a gene may change. */
export const GeneConstraintsSchema = z.strictObject({
  /** Most files one application may change. */
  max_files: CountSchema,
  /** Most lines (added + removed) one application may change. */
  max_lines: CountSchema,
  /** Paths it must never touch (`.git/**`, `**\/.env`, …). */
  forbidden_paths: z.array(GlobSchema),
});

/**
 * A gene: a reusable, reviewable fix strategy (DESIGN §6.4). `strategy` is an
 * ordered list of concrete steps an agent or a person follows; `validation`
 * lists commands as argv arrays (never shell strings, see {@link argvProblem})
 * that must succeed after a change; workspace-specific test commands are added
 * by the cycle from the configuration, not by genes.
 */
export const GeneSchema = z.strictObject({
  type: z.literal("Gene"),
  schema_version: z.literal(1),
  /** Stable name, by convention `gene_<signal>_<approach>`. */
  id: LocalIdSchema,
  category: GeneCategorySchema,
  /** Short human name. */
  title: textSchema(120),
  /** Signal types and/or keywords that make the gene a candidate (see {@link SignalMatchSchema}). */
  signals_match: z.array(SignalMatchSchema).min(1),
  /** When the gene applies, in words. */
  preconditions: z.array(textSchema(500)),
  /** Ordered steps. */
  strategy: z.array(textSchema(1000)).min(1),
  constraints: GeneConstraintsSchema,
  /** Commands (argv) that must succeed after the change. */
  validation: z.array(SafeArgvSchema),
  asset_id: AssetIdSchema,
});

/** A gene; see {@link GeneSchema}. */
export type Gene = z.infer<typeof GeneSchema>;

/** What {@link makeGene} needs: a gene without `type`, `schema_version` and `asset_id`. */
export type GeneFields = Omit<Gene, "type" | "schema_version" | "asset_id">;

/**
 * Builds a gene: fills `type` and `schema_version`, validates, and sets its
 * `asset_id` (an `asset_id` already in `fields` is ignored and recomputed).
 *
 * @throws {TypeError} naming the field, for invalid or non-canonical input.
 *
 * @example
 * ```ts
 * const gene = makeGene({
 *   id: "gene_timeout_raise_limit",
 *   category: "repair",
 *   title: "Raise the timeout for a known-slow command",
 *   signals_match: ["timeout", "timed out"],
 *   preconditions: [],
 *   strategy: ["Raise the timeout of that one call to 2× the observed duration."],
 *   constraints: { max_files: 2, max_lines: 40, forbidden_paths: [".git/**"] },
 *   validation: [["git", "diff", "--check"]],
 * });
 * ```
 */
export function makeGene(fields: GeneFields): Gene {
  const { asset_id: _stale, ...rest } = fields as GeneFields & { asset_id?: unknown };
  return makeAsset("Gene", GeneSchema, { type: "Gene", schema_version: 1, ...rest });
}
