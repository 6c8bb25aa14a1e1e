import { learnFromTask } from "./learn_from_task.ts";
import type { TaskOutcome } from "./reward_input.ts";
import { _KeyedQueue, _SerialQueue } from "./_queues.ts";
import { _sessionLabel } from "./_log_format.ts";
import type { AgentHostOptions } from "./agent_host_options.ts";
import { sanitizeText } from "./sanitize_text.ts";
import type { PendingTask, SessionState } from "./task_state.ts";

/** The host's shared state and plumbing; the hook handlers work through it. */
export class _HostCore {
  readonly deps: AgentHostOptions;
  readonly #sessions = new Map<string, SessionState>();
  readonly #intentVectors = new Map<string, Float32Array>();
  readonly #locks = new _KeyedQueue();
  readonly #background = new _SerialQueue();
  /** Durable writes, in order, made behind the hooks (see {@link _HostCore.writeBehind}). */
  readonly #saves = new _SerialQueue();
  #loaded: Promise<void> | undefined;
  #taskCounter = 0;

  constructor(deps: AgentHostOptions) {
    this.deps = deps;
  }

  /** Pass 1 of the sanitiser, cut to `maxChars`. */
  clean(text: string, maxChars: number): string {
    const homeDirs = this.deps.homeDirs;
    return sanitizeText(text, homeDirs ? { maxChars, homeDirs } : { maxChars });
  }

  log(line: string): void {
    try {
      this.deps.log(line);
    } catch (_error) {
      // A broken log sink must not break the agent; there is nowhere left to report it.
    }
  }

  /** Loads memory stats and saved sessions once; TTL-expired tasks are scored, not dropped. */
  ensureLoaded(): Promise<void> {
    this.#loaded ??= this.#load();
    return this.#loaded;
  }

  async #load(): Promise<void> {
    try {
      const { count } = await this.deps.memory.stats();
      this.log(`lshml: loaded ${count} episodic memories`);
    } catch (error) {
      this.log(`lshml: episodic memory stats unavailable (${(error as Error).message})`);
    }
    if (!this.deps.sessions) return;
    try {
      const states = await this.deps.sessions.load();
      const now = this.deps.now();
      const expired: SessionState[] = [];
      for (const state of states) {
        this.#sessions.set(state.key, state);
        if (state.task && now - state.task.updatedAt > this.deps.config.runtime.pendingTtlMs) {
          this.scoreTask(state.key, state.task, { end: "ttl" });
          this.forgetTask(state.task.id);
          state.task = null;
          expired.push(state);
        }
      }
      const pending = states.filter((s) => s.task).length;
      this.log(`lshml: restored ${states.length} agent sessions (${pending} pending tasks)`);
      await this.persist(expired);
    } catch (error) {
      this.log(
        `lshml: agent sessions unreadable (${(error as Error).message}); starting without them`,
      );
    }
  }

  /** Runs `job` with the session's lock: one session's hooks never interleave. */
  withSession<T>(key: string, job: () => Promise<T>): Promise<T> {
    return this.#locks.run(key, job);
  }

  session(key: string): SessionState | undefined {
    return this.#sessions.get(key);
  }

  setSession(state: SessionState): void {
    this.#sessions.set(state.key, state);
  }

  newTaskId(): string {
    this.#taskCounter++;
    return `t${this.deps.now().toString(36)}${this.#taskCounter.toString(36)}`;
  }

  /** The task's intent embedding, cached per task (re-embedded after a restart). */
  async intentVector(task: PendingTask): Promise<Float32Array | undefined> {
    let vector = this.#intentVectors.get(task.id);
    if (!vector) {
      [vector] = await this.deps.embedder.embed([task.intent]);
      if (vector) this.#intentVectors.set(task.id, vector);
    }
    return vector;
  }

  rememberIntentVector(taskId: string, vector: Float32Array): void {
    this.#intentVectors.set(taskId, vector);
  }

  /** Drops what the host caches for a task that ended. */
  forgetTask(taskId: string): void {
    this.#intentVectors.delete(taskId);
  }

  /**
   * Scores a closed (or retried) task in the background: a snapshot is learned from, so the
   * session can go on at once. Failures are logged.
   */
  scoreTask(sessionKey: string, task: PendingTask, outcome: TaskOutcome): void {
    const snapshot = structuredClone(task);
    this.#background.push(async () => {
      try {
        await learnFromTask(snapshot, outcome, { sessionKey }, {
          ...this.deps,
          log: (line) => this.log(line),
        });
      } catch (error) {
        this.log(
          `[lshml] learning failed session=${_sessionLabel(sessionKey)} task=${snapshot.id}: ${
            (error as Error).message
          }`,
        );
      }
    });
  }

  /**
   * Saves these sessions to the store, if there is one: a snapshot is taken now and written
   * behind the hook, in order (a save takes a lock and an fsync, a few ms the agent should not
   * wait for); `idle()` waits for the writes. Failures are logged.
   */
  persist(states: readonly SessionState[]): Promise<void> {
    const sessions = this.deps.sessions;
    if (!sessions || states.length === 0) return Promise.resolve();
    const snapshot = states.map((s) => structuredClone(s));
    this.writeBehind("session state not saved", () => sessions.save(snapshot));
    return Promise.resolve();
  }

  /**
   * Queues a durable write the hook need not wait for (it takes a lock and an fsync); writes
   * run in order, `idle()` waits for them, a failure is logged with `what` and the reason.
   */
  writeBehind(what: string, write: () => unknown): void {
    this.#saves.push(async () => {
      try {
        await write();
      } catch (error) {
        this.log(`[lshml] ${what}: ${(error as Error).message}`);
      }
    });
  }

  /** Resolves when the learning and session writes queued so far are done. */
  async idle(): Promise<void> {
    await this.#background.idle();
    await this.#saves.idle();
  }
}
