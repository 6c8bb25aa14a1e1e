import type { z } from "zod";
import { assetId, verifyAssetId } from "./asset_id.ts";
import { describeIssues } from "./_issues.ts";
import type { AssetProblem } from "./verify_report.ts";

/** Where an asset is, for its problems. */
export interface AssetPlace {
  readonly file: string;
  readonly line?: number | undefined;
  readonly index?: number | undefined;
}

/** An asset's identity as stored, and what is wrong with it on its own. */
export interface AssetCheck {
  readonly id: string | undefined;
  readonly assetId: string | undefined;
  readonly problems: AssetProblem[];
}

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" ? field : undefined;
}

/** What a problem says besides where it is. */
export interface ProblemFields {
  readonly kind: AssetProblem["kind"];
  readonly message: string;
  /** Defaults to true. */
  readonly integrity?: boolean;
  readonly id?: string | undefined;
  readonly assetId?: string | undefined;
}

/** A problem at `place`, leaving out location fields that are unknown. */
export function problemAt(place: AssetPlace, fields: ProblemFields): AssetProblem {
  const { id, assetId: stored, ...rest } = fields;
  return {
    file: place.file,
    integrity: true,
    ...rest,
    ...(place.line === undefined ? {} : { line: place.line }),
    ...(place.index === undefined ? {} : { index: place.index }),
    ...(id === undefined ? {} : { id }),
    ...(stored === undefined ? {} : { assetId: stored }),
  };
}

function hashOf(value: unknown): string {
  try {
    return assetId(value as Record<string, unknown>);
  } catch (error) {
    if (error instanceof TypeError) return `(cannot hash: ${error.message})`;
    throw error;
  }
}

/**
 * Checks one parsed asset on its own: its schema, and whether its content
 * hashes to its stored `asset_id` (checked on the raw value, so a field the
 * schema would reject still counts).
 */
export function checkAsset(value: unknown, schema: z.ZodType, place: AssetPlace): AssetCheck {
  const id = stringField(value, "id");
  const stored = stringField(value, "asset_id");
  const problems: AssetProblem[] = [];
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    problems.push(problemAt(place, {
      kind: "schema",
      message: `not a valid asset: ${describeIssues(parsed.error)}`,
      id,
      assetId: stored,
    }));
  }
  if (stored !== undefined && !verifyAssetId(value)) {
    problems.push(problemAt(place, {
      kind: "asset_id_mismatch",
      message: `content hashes to ${hashOf(value)}, not to its asset_id ${stored} ` +
        "(changed after it was recorded)",
      id,
      assetId: stored,
    }));
  }
  return { id, assetId: stored, problems };
}
