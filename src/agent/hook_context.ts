import { z } from "zod";

const Id = z.string().max(512);

/**
 * The `ctx` OpenClaw passes to agent and tool hooks (docs/openclaw-facts.md §6), as far as lshml
 * reads it. Untrusted input: validated, unknown keys ignored. Agent hooks carry `trigger`
 * (`user`, `cron`, `heartbeat`, `manual`, `memory`, `overflow`); tool hooks do not.
 */
export const HookContextSchema = z.looseObject({
  sessionKey: Id.optional(),
  sessionId: Id.optional(),
  agentId: Id.optional(),
  runId: Id.optional(),
  trigger: z.string().max(64).optional(),
  workspaceDir: z.string().max(4096).optional(),
  /** Set on runs started by a cron job. */
  jobId: Id.optional(),
  /** Where the turn's user-role input came from, when OpenClaw says. */
  inputProvenance: z.looseObject({
    kind: z.string().max(64).optional(),
    sourceRole: z.string().max(64).optional(),
  }).optional(),
});

/** See {@link HookContextSchema}. */
export type HookContext = z.infer<typeof HookContextSchema>;
