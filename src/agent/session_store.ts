import type { SessionState } from "./task_state.ts";

/**
 * Where the agent host keeps its per-session state between processes (`agent --local` starts a
 * new engine per turn; a gateway restarts), so a restarted engine continues a session's pending
 * task. `save` upserts the given sessions by key; other sessions stay as they are.
 *
 * @example
 * ```ts
 * const store: SessionStore = createFileSessionStore({ home, now: Date.now });
 * const host = createAgentHost({ …, sessions: store });
 * ```
 */
export interface SessionStore {
  /** Every kept session (pruned of expired ones). */
  load(): Promise<readonly SessionState[]>;
  /** Upserts these sessions by key. */
  save(sessions: readonly SessionState[]): Promise<void>;
}
