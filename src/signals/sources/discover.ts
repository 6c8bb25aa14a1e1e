import { open, readdir } from "node:fs/promises";
import { pathExists, pathKind } from "../../store/mod.ts";
import { basename, dirname, extname, join } from "node:path";
import { jsonlSessionSource } from "./jsonl_sessions.ts";
import { logFileSource } from "./log_source.ts";
import { openclawSqliteSource } from "./openclaw_sqlite.ts";
import type { SourceReader } from "./source.ts";

/** File endings read as plain logs when a folder is scanned. */
const LOG_EXTENSIONS = new Set([".log", ".txt", ".out", ".err"]);

const isDir = async (path: string) => (await pathKind(path)) === "dir";

/** Whether a .jsonl file holds OpenClaw transcript events (its first line has a `type`). */
async function looksLikeTranscript(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buffer = new Uint8Array(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const first = new TextDecoder().decode(buffer.subarray(0, bytesRead)).split("\n")[0] ?? "";
    const parsed = JSON.parse(first) as { type?: unknown };
    return typeof parsed.type === "string";
  } catch {
    return false; // not JSON on its first line: a log
  } finally {
    await handle.close();
  }
}

/**
 * Every agent of an OpenClaw state directory: its SQLite store
 * (`agents/<agent>/agent/openclaw-agent.sqlite`) and its legacy session files
 * (`agents/<agent>/sessions/*.jsonl`). A missing directory has none.
 */
export async function openclawSources(stateDir: string): Promise<SourceReader[]> {
  const agentsDir = join(stateDir, "agents");
  if (!(await isDir(agentsDir))) return [];
  const readers: SourceReader[] = [];
  const agents = (await readdir(agentsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const agent of agents) {
    const db = join(agentsDir, agent, "agent", "openclaw-agent.sqlite");
    if (await pathExists(db)) readers.push(openclawSqliteSource(db, agent));
    const sessions = join(agentsDir, agent, "sessions");
    if (await isDir(sessions)) {
      const files = (await readdir(sessions)).filter((n) => n.endsWith(".jsonl")).sort();
      for (const file of files) readers.push(jsonlSessionSource(join(sessions, file), agent));
    }
  }
  return readers;
}

/** `…/agents/<agent>/agent/openclaw-agent.sqlite` or `…/agents/<agent>/sessions/x.jsonl` → agent. */
function agentOf(path: string): string {
  return basename(dirname(dirname(path)));
}

async function fileSource(path: string): Promise<SourceReader | undefined> {
  const ext = extname(path);
  if (ext === ".sqlite") return openclawSqliteSource(path, agentOf(path));
  if (ext === ".jsonl" && await looksLikeTranscript(path)) {
    return jsonlSessionSource(path, agentOf(path));
  }
  return logFileSource(path);
}

async function folderSources(dir: string): Promise<SourceReader[]> {
  const readers: SourceReader[] = [];
  for (
    const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : 1
    )
  ) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) readers.push(...await folderSources(path));
    else if (
      entry.isFile() && (LOG_EXTENSIONS.has(extname(entry.name)) || entry.name.endsWith(".jsonl"))
    ) {
      const reader = await fileSource(path);
      if (reader) readers.push(reader);
    }
  }
  return readers;
}

/**
 * The readers for one `--source`: an OpenClaw state directory (it has
 * `agents/`), a folder of logs and session files, or a single file (a
 * `.sqlite` store, a session `.jsonl`, or a log).
 *
 * @throws {RangeError} when the path does not exist.
 */
export async function sourcesAt(path: string): Promise<SourceReader[]> {
  if (await isDir(path)) {
    if (await isDir(join(path, "agents"))) return await openclawSources(path);
    return await folderSources(path);
  }
  if (!(await pathExists(path))) throw new RangeError(`no such source: ${path}`);
  const reader = await fileSource(path);
  return reader ? [reader] : [];
}
