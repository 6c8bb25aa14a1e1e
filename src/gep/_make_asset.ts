import type { z } from "zod";
import { withAssetId } from "./asset_id.ts";
import { describeIssues } from "./_issues.ts";

/**
 * The common part of `makeGene`, `makeCapsule` and `makeEvent`: reject what is
 * not canonical JSON (with its path), hash, then validate the finished asset
 * against its schema, whose output lists the fields in the schema's order.
 */
export function makeAsset<T>(
  kind: string,
  schema: z.ZodType<T>,
  candidate: Readonly<Record<string, unknown>>,
): T {
  let hashed: Record<string, unknown>;
  try {
    hashed = withAssetId(candidate);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new TypeError(`cannot make a ${kind}: ${error.message}`, { cause: error });
  }
  const parsed = schema.safeParse(hashed);
  if (!parsed.success) {
    throw new TypeError(`cannot make a ${kind}: ${describeIssues(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}
