import type { PermissionKind } from "./needs.ts";
import type { PermissionQuery, PermissionState } from "./check.ts";

type SysKind = NonNullable<Deno.SysPermissionDescriptor["kind"]>;

function descriptor(kind: PermissionKind | "ffi", value?: string): Deno.PermissionDescriptor {
  switch (kind) {
    case "read":
    case "write":
    case "ffi":
      return value ? { name: kind, path: value } : { name: kind };
    case "net":
      return value ? { name: "net", host: value } : { name: "net" };
    case "run":
      return value ? { name: "run", command: value } : { name: "run" };
    case "env":
      return value ? { name: "env", variable: value } : { name: "env" };
    case "sys":
      return value ? { name: "sys", kind: value as SysKind } : { name: "sys" };
  }
}

/**
 * The one adapter over Deno's permission API. Returns `undefined` outside Deno
 * (the OpenClaw bridge under Node has no Deno sandbox of its own; it starts the
 * engine under one).
 */
export function denoPermissionQuery(): PermissionQuery | undefined {
  const deno = (globalThis as { Deno?: typeof Deno }).Deno;
  if (!deno?.permissions) return undefined;
  return async (kind, value): Promise<PermissionState> =>
    (await deno.permissions.query(descriptor(kind, value))).state;
}
