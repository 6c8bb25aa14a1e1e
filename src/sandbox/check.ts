import { dirname } from "node:path";
import type { Home } from "../config/mod.ts";
import { denoFlags } from "./flags.ts";
import type { PermissionKind, PermissionNeed, Purpose } from "./needs.ts";

/** A permission's state, as Deno reports it. "prompt" means not granted when no one can answer. */
export type PermissionState = "granted" | "denied" | "prompt";

/** Asks the runtime about one permission; no `value` asks about the whole kind. */
export type PermissionQuery = (
  kind: PermissionKind | "ffi",
  value?: string,
) => Promise<PermissionState>;

/** The needs that are not granted, in order. */
export async function missingPermissions(
  needs: readonly PermissionNeed[],
  query: PermissionQuery,
): Promise<PermissionNeed[]> {
  const states = await Promise.all(needs.map((n) => query(n.kind, n.value)));
  return needs.filter((_, i) => states[i] !== "granted");
}

/** How far the process can reach over the network. */
export type NetworkReach = "local-only" | "extended" | "unrestricted";

/** The sandbox as it is, compared with what the configuration needs. */
export interface SandboxReport {
  /**
   * local-only: only loopback hosts are needed and no other host answered the
   * probes; extended: the config needs remote hosts (OpenAI, a hub) and they are
   * granted; unrestricted: any host may be reached.
   */
  readonly network: NetworkReach;
  readonly missing: readonly PermissionNeed[];
  /** Grants beyond what the configuration needs, in words. */
  readonly wider: readonly string[];
  /** The exact flags that grant what the configuration needs. */
  readonly flags: readonly string[];
}

/** Hosts that a local-only process must not reach; probed to show it cannot. */
const OFF_MACHINE_PROBES = ["api.openai.com:443", "example.com:443"];

interface Probe {
  readonly kind: PermissionKind | "ffi";
  readonly value?: string;
  readonly says: string;
}

function probesFor(home: Home, needs: readonly PermissionNeed[]): Probe[] {
  const neededHosts = new Set(needs.filter((n) => n.kind === "net").map((n) => n.value));
  const outside = dirname(home.dir);
  const probes: Probe[] = [
    { kind: "read", says: "read access to every file" },
    { kind: "write", says: "write access to every file" },
    { kind: "net", says: "network access to any host" },
    { kind: "run", says: "may run any program" },
    { kind: "ffi", says: "may load native libraries" },
    { kind: "sys", says: "access to all system information" },
    { kind: "read", value: outside, says: `read access outside the home (${outside})` },
    { kind: "write", value: outside, says: `write access outside the home (${outside})` },
  ];
  if (home.source === "checkout") {
    probes.push({ kind: "write", value: home.dir, says: "write access to the checkout's code" });
  }
  for (const host of OFF_MACHINE_PROBES) {
    if (!neededHosts.has(host)) {
      probes.push({ kind: "net", value: host, says: `network access to ${host}` });
    }
  }
  return probes;
}

/**
 * Compares the granted permissions with `needs`: what is missing, what is
 * wider than needed, and how far the network reaches.
 */
export async function inspectSandbox(
  needs: readonly PermissionNeed[],
  home: Home,
  query: PermissionQuery,
): Promise<SandboxReport> {
  const missing = await missingPermissions(needs, query);
  const probes = probesFor(home, needs);
  const states = await Promise.all(probes.map((p) => query(p.kind, p.value)));
  const granted = probes.filter((_, i) => states[i] === "granted");
  // A wide grant implies its narrower probes; report only the widest.
  const wider = granted
    .filter((p) => p.value === undefined || !granted.some((g) => g.kind === p.kind && !g.value))
    .map((p) => p.says);
  const anyHost = granted.some((p) => p.kind === "net" && p.value === undefined);
  const offMachine = granted.some((p) => p.kind === "net");
  const remoteNeeded = needs.some((n) => n.purpose === "openai" || n.purpose === "remote");
  const network: NetworkReach = anyHost || offMachine
    ? "unrestricted"
    : remoteNeeded
    ? "extended"
    : "local-only";
  return { network, missing, wider, flags: denoFlags(needs) };
}

/** Needs of the given purposes only: a command checks just what it uses. */
export function needsFor(
  needs: readonly PermissionNeed[],
  purposes: readonly Purpose[],
): PermissionNeed[] {
  return needs.filter((n) => purposes.includes(n.purpose));
}
