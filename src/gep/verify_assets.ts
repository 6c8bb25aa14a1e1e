import {
  DATA_FILES,
  type DataFileId,
  dataFilePath,
  pathExists,
  readJsonl,
  readTextIfExists,
} from "../store/mod.ts";
import { CapsuleSchema } from "./capsule.ts";
import { GeneSchema } from "./gene.ts";
import { BUILTIN_LIBRARY, BUILTIN_LIBRARY_FILE } from "./_builtin_library.ts";
import { verifyEventChain } from "./_verify_event_chain.ts";
import { type JsonAssetFile, verifyJsonAssets } from "./_verify_json_file.ts";
import type { FileVerification, VerifyReport } from "./verify_report.ts";

function relPath(id: DataFileId): string {
  return DATA_FILES.find((f) => f.id === id)?.relPath ?? id;
}

async function verifyJsonFile(home: string, id: DataFileId, spec: JsonAssetFile) {
  const text = await readTextIfExists(dataFilePath(home, id));
  if (text === undefined) return { file: spec.file, exists: false, checked: 0, problems: [] };
  return verifyJsonAssets(spec, { text });
}

async function verifyEvents(home: string): Promise<FileVerification> {
  const path = dataFilePath(home, "events");
  const file = relPath("events");
  if (!(await pathExists(path))) return { file, exists: false, checked: 0, problems: [] };
  return verifyEventChain(file, await readJsonl(path));
}

/**
 * Re-hashes every GEP asset and checks the event chain (`lshml events verify`):
 * the built-in gene library, and the home's `genes.json`, `capsules.json` and
 * `events.jsonl`. Each problem names its file and, where there is one, its line
 * (events: the line; JSON files: where the array element starts, plus its
 * index), the asset's id and what is wrong (see {@link AssetProblemKind}).
 *
 * The chain link is the stored `asset_id` of the previous line, not a re-hash:
 * a changed event is reported once, at its own line (`asset_id_mismatch`), and
 * its successor is not blamed; if the `asset_id` was rewritten too, the next
 * line reports `parent_missing`. A deleted event shows as `parent_missing`
 * after the gap, a reordered pair as `chain_broken` on the lines involved, a
 * repeated event as `duplicate_id` (left out of the chain, so its successor
 * still links), a torn last line as `torn_tail` (not an integrity failure).
 * After a line that does not parse, the next event's parent is not judged.
 *
 * Nothing is modified or moved: a verifier only looks. Missing files are fine
 * (nothing recorded yet).
 *
 * @example
 * ```ts
 * const report = await verifyAssets(home);
 * for (const p of report.problems) console.log(`${p.file}:${p.line ?? "-"} ${p.kind} ${p.message}`);
 * if (!report.ok) throw AuditIntegrityError.fromProblems(report.problems);
 * ```
 */
export async function verifyAssets(home: string): Promise<VerifyReport> {
  const files: FileVerification[] = [
    verifyJsonAssets({ file: BUILTIN_LIBRARY_FILE, key: "genes", schema: GeneSchema }, {
      value: BUILTIN_LIBRARY,
    }),
    await verifyJsonFile(home, "genes", {
      file: relPath("genes"),
      key: "genes",
      schema: GeneSchema,
    }),
    await verifyJsonFile(home, "capsules", {
      file: relPath("capsules"),
      key: "capsules",
      schema: CapsuleSchema,
    }),
    await verifyEvents(home),
  ];
  const problems = files.flatMap((f) => f.problems);
  return {
    ok: problems.every((p) => !p.integrity),
    checked: files.reduce((sum, f) => sum + f.checked, 0),
    files,
    problems,
  };
}
