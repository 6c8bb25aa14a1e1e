import { join } from "node:path";
import { z } from "zod";
import { defineVersionedFile, readVersioned, updateVersioned } from "../store/mod.ts";
import type { SessionStore } from "./session_store.ts";
import { type SessionState, SessionStateSchema } from "./task_state.ts";

/** Where the agent sessions live, relative to the home directory. */
export const AGENT_SESSIONS_FILE = "memory/agent-sessions.json";
/** Sessions silent this long are dropped (their tasks were scored by TTL long before). */
export const DEFAULT_SESSION_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** At most this many sessions are kept, the most recently active ones. */
export const DEFAULT_MAX_SESSIONS = 1000;

/** Format of `memory/agent-sessions.json`, version 1. */
export const AgentSessionsDocSchema = z.object({
  version: z.literal(1),
  sessions: z.array(SessionStateSchema),
});

/** See {@link AgentSessionsDocSchema}. */
export type AgentSessionsDoc = z.infer<typeof AgentSessionsDocSchema>;

/** The versioned-file spec of `memory/agent-sessions.json`. */
export const AgentSessionsFile = defineVersionedFile<AgentSessionsDoc>({
  name: "agent sessions",
  version: 1,
  schema: AgentSessionsDocSchema,
  empty: () => ({ version: 1, sessions: [] }),
});

/** Options for {@link createFileSessionStore}. */
export interface FileSessionStoreOptions {
  /** The lshml home directory; the file is `<home>/memory/agent-sessions.json`. */
  readonly home: string;
  /** Epoch milliseconds. */
  readonly now: () => number;
  readonly retentionMs?: number;
  readonly maxSessions?: number;
}

function prune(sessions: readonly SessionState[], now: number, options: FileSessionStoreOptions) {
  const retention = options.retentionMs ?? DEFAULT_SESSION_RETENTION_MS;
  return sessions
    .filter((s) => now - s.updatedAt <= retention)
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, options.maxSessions ?? DEFAULT_MAX_SESSIONS);
}

/**
 * A {@link SessionStore} in `memory/agent-sessions.json`: a small versioned JSON file written
 * atomically under its cross-process lock (read-modify-write, so two engines saving different
 * sessions keep both). Sessions silent longer than `retentionMs` (7 days) are pruned, and at most
 * `maxSessions` (1000) kept. A corrupt file is moved aside by the store and reported by `load`.
 * Everything in it already went through pass 1 of the sanitiser.
 *
 * @example
 * ```ts
 * const sessions = createFileSessionStore({ home: "/home/me/.lshml", now: Date.now });
 * await sessions.save([{ key: "agent:main:main", turns: 1, updatedAt: Date.now(), task: null }]);
 * ```
 */
export function createFileSessionStore(options: FileSessionStoreOptions): SessionStore {
  const path = join(options.home, AGENT_SESSIONS_FILE);
  return {
    async load() {
      const { value } = await readVersioned(path, AgentSessionsFile);
      return prune(value.sessions, options.now(), options);
    },
    async save(sessions) {
      if (sessions.length === 0) return;
      await updateVersioned(path, AgentSessionsFile, (doc) => {
        const byKey = new Map(doc.sessions.map((s) => [s.key, s]));
        for (const s of sessions) byKey.set(s.key, s);
        return {
          version: 1 as const,
          sessions: prune([...byKey.values()], options.now(), options),
        };
      });
    },
  };
}
