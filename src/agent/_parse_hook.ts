import type { z } from "zod";
import { type HookContext, HookContextSchema } from "./hook_context.ts";
import type { _HostCore } from "./_host_core.ts";

/** A validated hook call: its event, its context, and the session it belongs to. */
export interface _ParsedHook<E> {
  readonly event: E;
  readonly ctx: HookContext;
  readonly sessionKey: string | undefined;
}

/**
 * Validates an untrusted hook payload; logs `[lshml] hook <name> rejected …` (the path and the
 * problem, never the value) and returns `undefined` when it does not fit.
 */
export function _parseHook<E>(
  core: _HostCore,
  name: string,
  schema: z.ZodType<E>,
  event: unknown,
  ctx: unknown,
): _ParsedHook<E> | undefined {
  const e = schema.safeParse(event);
  const c = HookContextSchema.safeParse(ctx ?? {});
  if (!e.success || !c.success) {
    const issue = (e.success ? undefined : e.error.issues[0]) ??
      (c.success ? undefined : c.error.issues[0]);
    const where = e.success ? "ctx" : "event";
    const path = issue?.path.length ? `.${issue.path.join(".")}` : "";
    core.log(`[lshml] hook ${name} rejected: invalid ${where}${path} (${issue?.message})`);
    return undefined;
  }
  const sessionKey = c.data.sessionKey ?? c.data.sessionId;
  return { event: e.data, ctx: c.data, sessionKey };
}
