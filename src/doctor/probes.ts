import { readdir, unlink, writeFile } from "node:fs/promises";
import { pathExists } from "../store/mod.ts";
import { dirname, join } from "node:path";
import process from "node:process";

/** Whether Ollama answered at its URL. */
export type OllamaProbe =
  | { readonly reachable: true; readonly version: string }
  | { readonly reachable: false; readonly error: string };

/** Time budget for the Ollama probe: doctor must stay quick when nothing listens. */
const OLLAMA_PROBE_TIMEOUT_MS = 1500;

/**
 * Asks Ollama for its version (`GET /api/version`).
 *
 * @example
 * ```ts
 * const probe = await probeOllama("http://localhost:11434");
 * if (probe.reachable) console.log(probe.version);
 * ```
 */
export async function probeOllama(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<OllamaProbe> {
  try {
    const response = await fetchImpl(new URL("/api/version", baseUrl), {
      signal: AbortSignal.timeout(OLLAMA_PROBE_TIMEOUT_MS),
    });
    if (!response.ok) return { reachable: false, error: `HTTP ${response.status}` };
    const body = await response.json() as { version?: unknown };
    return { reachable: true, version: String(body.version ?? "unknown") };
  } catch (error) {
    // Deno nests the useful part ("Connection refused") at the end of the cause's message.
    const cause = (error as Error).cause;
    const detail = cause instanceof Error ? cause.message.split(": ").pop() : undefined;
    return { reachable: false, error: detail ?? (error as Error).message };
  }
}

/** What is under an OpenClaw state directory. */
export interface OpenClawProbe {
  readonly exists: boolean;
  /** Agents found, with the transcript stores each has. */
  readonly agents: readonly { name: string; sqlite: boolean; sessionFiles: number }[];
  readonly error?: string;
}

async function countJsonl(dir: string): Promise<number> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith(".jsonl")).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

/** Lists the agents of an OpenClaw state directory and their transcript stores. */
export async function probeOpenClaw(stateDir: string): Promise<OpenClawProbe> {
  try {
    if (!(await pathExists(stateDir))) return { exists: false, agents: [] };
    const agentsDir = join(stateDir, "agents");
    if (!(await pathExists(agentsDir))) return { exists: true, agents: [] };
    const names = (await readdir(agentsDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const agents = await Promise.all(names.map(async (name) => ({
      name,
      sqlite: await pathExists(join(agentsDir, name, "agent", "openclaw-agent.sqlite")),
      sessionFiles: await countJsonl(join(agentsDir, name, "sessions")),
    })));
    return { exists: true, agents };
  } catch (error) {
    return { exists: false, agents: [], error: (error as Error).message };
  }
}

/**
 * Whether lshml can write in `dir`: creates and removes a scratch file in it, or
 * in the nearest existing parent it would be created in. (Asking the OS with
 * `access(W_OK)` would need Deno's `sys` permission for the user id.)
 */
export async function probeWritable(dir: string): Promise<{ writable: boolean; error?: string }> {
  let at = dir;
  while (!(await pathExists(at))) {
    if (dirname(at) === at) return { writable: false, error: `no existing parent of ${dir}` };
    at = dirname(at);
  }
  const scratch = join(at, `.lshml-doctor-${process.pid}`);
  try {
    await writeFile(scratch, "", { flag: "wx" });
    await unlink(scratch);
    return { writable: true };
  } catch (error) {
    return { writable: false, error: (error as Error).message };
  }
}
