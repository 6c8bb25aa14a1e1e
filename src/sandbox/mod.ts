/**
 * The sandbox: which Deno permissions the effective configuration needs, a
 * check of what the process holds, the exact flags to fix a gap, and a report
 * of anything wider than needed (DESIGN §6.9).
 *
 * @module
 */
export { hostPort, isLoopbackHost, requiredPermissions } from "./needs.ts";
export type { NeedsContext, PermissionKind, PermissionNeed, Purpose } from "./needs.ts";
export { denoFlags, shellQuote } from "./flags.ts";
export { inspectSandbox, missingPermissions, needsFor } from "./check.ts";
export type { NetworkReach, PermissionQuery, PermissionState, SandboxReport } from "./check.ts";
export { SandboxError } from "./sandbox_error.ts";
export type { Invocation } from "./sandbox_error.ts";
export { denoPermissionQuery } from "./deno_query.ts";
export { probeUrl } from "./probe_url.ts";
export type { UrlProbe } from "./probe_url.ts";
