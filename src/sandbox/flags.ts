import type { PermissionKind, PermissionNeed } from "./needs.ts";

const ORDER: readonly PermissionKind[] = ["read", "write", "net", "env", "run", "sys"];

/**
 * The complete Deno flags that grant exactly `needs`.
 *
 * Deno replaces (not extends) a `-P` permission set's list when a flag of the
 * same kind is given, so a missing path can only be fixed by a flag that lists
 * every path of that kind — which is what this returns.
 *
 * @example
 * ```ts
 * denoFlags([{ kind: "read", value: "/a", purpose: "home", why: "" }]); // ["--allow-read=/a"]
 * ```
 */
export function denoFlags(needs: readonly PermissionNeed[]): string[] {
  const flags: string[] = [];
  for (const kind of ORDER) {
    const ofKind = needs.filter((n) => n.kind === kind);
    if (ofKind.length === 0) continue;
    if (ofKind.some((n) => n.value === undefined)) {
      flags.push(`--allow-${kind}`);
      continue;
    }
    const values = [...new Set(ofKind.map((n) => n.value as string))];
    flags.push(`--allow-${kind}=${values.join(",")}`);
  }
  return flags;
}

/** Shell-quotes one argument when it needs it. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
