import { readdirSync, readFileSync } from "node:fs";

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "latin1");
  } catch {
    return undefined; // the process ended while we looked; not a candidate
  }
}

/**
 * The pids of running lshml engines (`… agent serve --stdio …`) started by an OpenClaw whose
 * environment has `OPENCLAW_HOME=<openclawHome>` (every harness has its own), from /proc.
 */
export function enginePids(openclawHome: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const args = read(`/proc/${name}/cmdline`)?.split("\0") ?? [];
    const serving = args.some((a, i) =>
      a === "agent" && args[i + 1] === "serve" && args[i + 2] === "--stdio"
    );
    if (!serving) continue;
    const env = read(`/proc/${name}/environ`)?.split("\0") ?? [];
    const state = read(`/proc/${name}/stat`)?.split(") ")[1]?.[0];
    if (env.includes(`OPENCLAW_HOME=${openclawHome}`) && state !== "Z") pids.push(Number(name));
  }
  return pids;
}

/** Kills the running engine(s) of a harness with SIGKILL; returns the pids killed. */
export function killEngines(openclawHome: string): number[] {
  const pids = enginePids(openclawHome);
  for (const pid of pids) Deno.kill(pid, "SIGKILL");
  return pids;
}
