import { denoFlags, shellQuote } from "./flags.ts";
import type { PermissionNeed } from "./needs.ts";

/** How this process was started, so a fix can be given as a command to paste. */
export interface Invocation {
  /** A compiled binary cannot be granted anything new at run time. */
  readonly compiled: boolean;
  /** Path of `main.ts` when run from source. */
  readonly mainModule?: string;
  /** The program arguments (after `main.ts`). */
  readonly args: readonly string[];
}

/**
 * A permission lshml needs was not granted. The message names each missing
 * permission and why it is needed, and gives the exact command that grants it.
 */
export class SandboxError extends Error {
  readonly code = "SANDBOX_MISSING";
  readonly missing: readonly PermissionNeed[];

  constructor(
    missing: readonly PermissionNeed[],
    allNeeds: readonly PermissionNeed[],
    invocation: Invocation,
  ) {
    const what = missing.map((n) => `  ${n.kind} ${n.value ?? "(all)"}: to ${n.why}`);
    const kinds = new Set(missing.map((n) => n.kind));
    const toAdd = denoFlags(allNeeds.filter((n) => kinds.has(n.kind)));
    const fix = invocation.compiled
      ? "This binary was built without it; run lshml from a checkout with `deno run` and these " +
        `flags, or rebuild the binary with them:\n  ${toAdd.join(" ")}`
      : `Add ${toAdd.join(" ")} (it replaces that kind's list from -P), i.e. run:\n  ` +
        [
          "deno",
          "run",
          ...denoFlags(allNeeds),
          invocation.mainModule ?? "main.ts",
          ...invocation.args,
        ]
          .map(shellQuote).join(" ");
    super(`the sandbox does not grant what this command needs:\n${what.join("\n")}\n${fix}`);
    this.name = "SandboxError";
    this.missing = missing;
  }
}
