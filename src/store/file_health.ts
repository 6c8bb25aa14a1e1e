import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { readJsonl } from "./jsonl.ts";
import type { DataFileKind } from "./layout.ts";

/** What {@link inspectFile} found; it never changes anything on disk. */
export type FileHealth =
  | { readonly status: "missing" }
  | {
    readonly status: "ok";
    readonly bytes: number;
    /** Format version of a JSON file. */
    readonly version?: number;
    /** Records of a JSONL file. */
    readonly records?: number;
    /** Problems that are tolerated and reported (skipped lines, a torn tail). */
    readonly notes: readonly string[];
  }
  | { readonly status: "corrupt"; readonly bytes: number; readonly reason: string }
  | { readonly status: "unreadable"; readonly reason: string };

/** Moved-aside copies next to a file: quarantined (`.corrupt-*`) and torn tails (`.torn-*`). */
export async function setAsideCopies(path: string): Promise<string[]> {
  const name = basename(path);
  try {
    const names = await readdir(dirname(path));
    return names
      .filter((n) => n.startsWith(`${name}.corrupt-`) || n.startsWith(`${name}.torn-`))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

async function inspectJson(path: string, bytes: number): Promise<FileHealth> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    return { status: "corrupt", bytes, reason: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    return { status: "corrupt", bytes, reason: "not a JSON object" };
  }
  const version = (doc as { version?: unknown }).version;
  if (typeof version !== "number") {
    return { status: "corrupt", bytes, reason: "no format version" };
  }
  return { status: "ok", bytes, version, notes: [] };
}

async function inspectJsonl(path: string, bytes: number): Promise<FileHealth> {
  const read = await readJsonl(path);
  const notes = read.invalid.map((p) => `line ${p.line} skipped: ${p.reason}`);
  if (read.tornTail) {
    notes.push(
      `line ${read.tornTail.line} is cut off (${read.tornTail.bytes} bytes, an interrupted ` +
        `write); it is skipped and set aside on the next append`,
    );
  }
  return { status: "ok", bytes, records: read.records.length, notes };
}

/**
 * Checks a data file without touching it: for `lshml doctor`.
 *
 * @example
 * ```ts
 * const health = await inspectFile("/home/me/.lshml/memory/knowledge.json", "json");
 * ```
 */
export async function inspectFile(path: string, kind: DataFileKind): Promise<FileHealth> {
  let bytes: number;
  try {
    bytes = (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { status: "missing" };
    return { status: "unreadable", reason: (error as Error).message };
  }
  try {
    return kind === "json" ? await inspectJson(path, bytes) : await inspectJsonl(path, bytes);
  } catch (error) {
    return { status: "unreadable", reason: (error as Error).message };
  }
}
