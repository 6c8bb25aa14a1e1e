import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/** One file a scan would read, and what is in it. */
export interface SourceFile {
  /** Path relative to the inventoried folder. */
  readonly path: string;
  readonly bytes: number;
  readonly kind: "log" | "jsonl" | "sqlite" | "other";
  /** Lines (logs) or events (JSONL); absent for files not counted. */
  readonly entries?: number;
  /** JSONL lines that are not JSON: a scan counts and skips them. */
  readonly malformed?: number;
}

function kindOf(name: string): SourceFile["kind"] {
  if (name.endsWith(".jsonl")) return "jsonl";
  if (name.endsWith(".sqlite")) return "sqlite";
  if (name.endsWith(".log") || name.endsWith(".txt")) return "log";
  return "other";
}

function countLines(text: string): number {
  return text.split("\n").filter((l) => l.trim() !== "").length;
}

function countJsonl(text: string): { entries: number; malformed: number } {
  let entries = 0;
  let malformed = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      JSON.parse(line);
      entries++;
    } catch {
      malformed++; // counted and skipped, as a scan would
    }
  }
  return { entries, malformed };
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await walk(path));
    else if (entry.isFile()) found.push(path);
  }
  return found.sort();
}

/**
 * Lists what a scan of `dir` would read, without reading anything into lshml's
 * state: the dry run of `lshml demo`.
 */
export async function inventorySources(dir: string): Promise<SourceFile[]> {
  const files = await walk(dir);
  return await Promise.all(files.map(async (path): Promise<SourceFile> => {
    const bytes = await readFile(path);
    const kind = kindOf(path);
    const base = { path: relative(dir, path), bytes: bytes.length, kind };
    if (kind === "jsonl") return { ...base, ...countJsonl(new TextDecoder().decode(bytes)) };
    if (kind === "log") return { ...base, entries: countLines(new TextDecoder().decode(bytes)) };
    return base;
  }));
}
