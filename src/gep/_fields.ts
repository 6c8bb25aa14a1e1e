import { z } from "zod";
import { ASSET_ID_PATTERN } from "./asset_id.ts";

/**
 * Ids of genes, capsules, events and clusters: a letter or digit, then letters,
 * digits and `_ . : -` (at most 128 characters) — safe in file names, URLs and
 * command lines, and free of whitespace that could hide a difference.
 */
export const LocalIdSchema = z.string().regex(
  /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/,
  "expected an id of letters, digits and _ . : - (at most 128 characters)",
);

/** `sha256:<64 hex>`: an {@link assetId}. */
export const AssetIdSchema = z.string().regex(ASSET_ID_PATTERN, "expected sha256:<64 hex digits>");

/** A UTC timestamp as `Date#toISOString()` writes it. */
export const IsoTimeSchema = z.iso.datetime();

/** A number from 0 to 1 (confidence, outcome score). */
export const UnitScoreSchema = z.number().min(0).max(1);

/** A count: an integer ≥ 0. */
export const CountSchema = z.number().int().nonnegative();

/** Non-empty text of at most `max` characters. */
export function textSchema(max: number): z.ZodString {
  return z.string().min(1).max(max);
}

/** How much a change touches: changed files and changed lines (added + removed). */
export const BlastRadiusSchema = z.strictObject({ files: CountSchema, lines: CountSchema });

/** Signal names as recorded in capsules and events (signal types, or `keyword:` markers). */
export const SignalNameSchema = textSchema(128);
