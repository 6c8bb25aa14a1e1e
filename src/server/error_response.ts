import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { AuditIntegrityError } from "../gep/mod.ts";
import { SandboxError } from "../sandbox/mod.ts";
import { LockTimeoutError, StoreCorruptError, StoreVersionError } from "../store/mod.ts";

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly error: string;
  /** A stable code for machines, when the engine gave one. */
  readonly code?: string;
  /** For invalid requests: which input, and what is wrong with it. */
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}

/**
 * The one place the dashboard turns an error into an answer (STYLE: the web shells map errors to
 * responses in one handler): bad input → 400 naming the field; an unknown id → 404; a permission
 * the sandbox does not grant → 403 with the flags to add; a busy engine → 503; a corrupt or newer
 * data file → 500 with the store's explanation. Anything else is a bug: logged, and answered
 * without internals.
 */
export function errorResponse(error: unknown, c: Context, log?: (message: string) => void) {
  const json = (body: ErrorBody, status: 400 | 403 | 404 | 500 | 503) => c.json(body, status);
  if (error instanceof HTTPException) {
    return c.json({ error: error.message || "request refused" }, error.status);
  }
  if (error instanceof z.ZodError) {
    return json({
      error: "invalid request",
      issues: error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message })),
    }, 400);
  }
  if (error instanceof RangeError) return json({ error: error.message }, 404);
  if (error instanceof SandboxError) return json({ error: error.message, code: error.code }, 403);
  if (error instanceof LockTimeoutError) {
    c.header("Retry-After", "5");
    return json({ error: error.message, code: error.code }, 503);
  }
  if (
    error instanceof StoreCorruptError || error instanceof StoreVersionError ||
    error instanceof AuditIntegrityError
  ) {
    return json({ error: error.message, code: error.code }, 500);
  }
  log?.(`lshml dashboard: ${c.req.method} ${c.req.path} failed: ${describe(error)}`);
  return json({ error: "internal error; the dashboard's terminal has the details" }, 500);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
