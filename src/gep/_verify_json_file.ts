import type { z } from "zod";
import { type AssetPlace, checkAsset, problemAt } from "./_check_asset.ts";
import { arrayElementLines } from "./_element_lines.ts";
import { jsonErrorLine } from "./_json_error_line.ts";
import type { AssetProblem, FileVerification } from "./verify_report.ts";

/** One JSON asset file to check: `{version: 1, <key>: Asset[]}`. */
export interface JsonAssetFile {
  /** Name used in the report. */
  readonly file: string;
  /** The array's key: `genes` or `capsules`. */
  readonly key: string;
  /** The schema of one element. */
  readonly schema: z.ZodType;
}

const SUPPORTED_VERSION = 1;

function documentProblem(spec: JsonAssetFile, doc: unknown): string | undefined {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return "not a JSON object";
  const { version, [spec.key]: list } = doc as Record<string, unknown>;
  if (version !== SUPPORTED_VERSION) {
    return `format version ${
      JSON.stringify(version)
    }; this lshml verifies version ${SUPPORTED_VERSION}`;
  }
  if (!Array.isArray(list)) return `"${spec.key}" is not an array`;
  return undefined;
}

/**
 * Verifies a JSON asset document (parsed from `text`, or given as `value` for
 * the embedded library): document shape, then every element's schema and
 * hash, and that no `id` is used twice.
 */
export function verifyJsonAssets(
  spec: JsonAssetFile,
  source: { readonly text: string } | { readonly value: unknown },
): FileVerification {
  const at = (place: Omit<AssetPlace, "file">): AssetPlace => ({ file: spec.file, ...place });
  let doc: unknown;
  if ("text" in source) {
    try {
      doc = JSON.parse(source.text);
    } catch (error) {
      const message = (error as Error).message;
      const problem = problemAt(at({ line: jsonErrorLine(source.text) }), {
        kind: "not_json",
        message: `not valid JSON: ${message}`,
      });
      return { file: spec.file, exists: true, checked: 0, problems: [problem] };
    }
  } else doc = source.value;
  const shape = documentProblem(spec, doc);
  if (shape !== undefined) {
    const problem = problemAt(at({}), { kind: "schema", message: shape });
    return { file: spec.file, exists: true, checked: 0, problems: [problem] };
  }
  const list = (doc as Record<string, unknown[]>)[spec.key] ?? [];
  const lines = "text" in source ? arrayElementLines(source.text, spec.key) : [];
  const problems: AssetProblem[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((element, index) => {
    const place = at({ index, line: lines[index] });
    const check = checkAsset(element, spec.schema, place);
    problems.push(...check.problems);
    if (check.id === undefined) return;
    const first = firstIndex.get(check.id);
    if (first === undefined) firstIndex.set(check.id, index);
    else {
      problems.push(problemAt(place, {
        kind: "duplicate_id",
        message: `id ${check.id} is already used by ${spec.key}[${first}]` +
          (lines[first] === undefined ? "" : ` (line ${lines[first]})`),
        id: check.id,
        assetId: check.assetId,
      }));
    }
  });
  return { file: spec.file, exists: true, checked: list.length, problems };
}
