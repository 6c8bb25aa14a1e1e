import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical_json.ts";

/** What every asset id looks like: `sha256:` and 64 lowercase hex digits. */
export const ASSET_ID_PATTERN: RegExp = /^sha256:[0-9a-f]{64}$/;

/** A JSON object that may carry its own content hash in `asset_id`. */
export type AssetLike = Readonly<Record<string, unknown>>;

function isPlainObject(value: unknown): value is AssetLike {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function withoutId(asset: AssetLike): AssetLike {
  const { asset_id: _ignored, ...rest } = asset;
  return rest;
}

/**
 * The content hash of an asset: `"sha256:" + hex(sha256(canonicalJson(asset
 * without its asset_id)))`, over the UTF-8 bytes of the canonical text. Only
 * the top-level `asset_id` field is left out.
 *
 * @throws {TypeError} when `asset` is not a plain object, or holds a value that
 * does not survive a JSON round trip (see {@link canonicalJson}).
 *
 * @example
 * ```ts
 * assetId({ type: "Gene", id: "g1" }) === assetId({ id: "g1", type: "Gene", asset_id: "x" }); // true
 * ```
 */
export function assetId(asset: AssetLike): string {
  if (!isPlainObject(asset)) {
    throw new TypeError(`assetId: an asset must be a plain JSON object, got ${String(asset)}`);
  }
  const text = canonicalJson(withoutId(asset));
  return `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
}

/**
 * Returns a copy of `asset` with `asset_id` set to its content hash. The copy is
 * what a reload would give (`-0` becomes `0`, keys are plain data), so its id
 * verifies after any JSON write/read. Validation happens here, at creation:
 * anything that is not canonical JSON is rejected with its path.
 *
 * @throws {TypeError} as {@link assetId}.
 *
 * @example
 * ```ts
 * const gene = withAssetId({ type: "Gene", id: "g1" });
 * verifyAssetId(JSON.parse(JSON.stringify(gene))); // true
 * ```
 */
export function withAssetId<T extends AssetLike>(asset: T): T & { asset_id: string } {
  const id = assetId(asset);
  const copy = JSON.parse(canonicalJson(withoutId(asset))) as T;
  return { ...copy, asset_id: id };
}

/**
 * True when `asset` is a plain object whose `asset_id` is the hash of the rest
 * of it. Never throws: a missing id, a malformed id or content that is not
 * canonical JSON all verify as false.
 *
 * @example
 * ```ts
 * verifyAssetId({ ...gene, title: "changed" }); // false
 * ```
 */
export function verifyAssetId(asset: unknown): boolean {
  if (!isPlainObject(asset)) return false;
  const stored = asset.asset_id;
  if (typeof stored !== "string" || !ASSET_ID_PATTERN.test(stored)) return false;
  try {
    return assetId(asset) === stored;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}
