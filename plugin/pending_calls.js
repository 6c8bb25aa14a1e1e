// @ts-check
/**
 * Requests sent to the engine and not yet answered. An awaited call resolves to its answer,
 * or to `undefined` when its budget runs out or the engine goes away; after that, the
 * answer is still expected for a while so its log lines reach OpenClaw's log.
 *
 * @module
 */

/** How long an answer is still expected after its caller stopped waiting (ms). */
export const LATE_ANSWER_MS = 30_000;

/** @typedef {Record<string, unknown>} Answer */

/**
 * @typedef {object} Pending one request awaiting its answer
 * @property {string} hook
 * @property {((answer: Answer | undefined) => void) | undefined} resolve
 * @property {ReturnType<typeof setTimeout> | undefined} timer
 */

/** The requests of one bridge that wait for an answer, by id. */
export class PendingCalls {
  constructor() {
    /** @type {Map<number, Pending>} */
    this.entries = new Map();
  }

  /**
   * Expects an answer to `id`. Without `resolve`, the entry only waits to print the answer's
   * logs and is forgotten after {@link LATE_ANSWER_MS}.
   *
   * @param {number} id
   * @param {string} hook
   * @param {((answer: Answer | undefined) => void) | undefined} [resolve]
   */
  expect(id, hook, resolve) {
    /** @type {Pending} */
    const pending = { hook, resolve, timer: undefined };
    if (!resolve) this.forgetLater(id, pending);
    this.entries.set(id, pending);
  }

  /**
   * Sends one awaited request and resolves to its answer, or undefined after `ms` or when
   * `send` fails.
   *
   * @param {number} id
   * @param {string} hook
   * @param {number} ms
   * @param {() => boolean} send writes the request; false when the engine cannot take it
   * @returns {Promise<Answer | undefined>}
   */
  call(id, hook, ms, send) {
    return new Promise((resolve) => {
      /** @type {Pending} */
      const pending = { hook, resolve: undefined, timer: undefined };
      // Ref'd on purpose: OpenClaw awaits this promise, so it must settle.
      const timer = setTimeout(() => {
        pending.resolve = undefined;
        this.forgetLater(id, pending);
        resolve(undefined);
      }, Math.max(0, ms));
      pending.timer = timer;
      pending.resolve = (answer) => {
        clearTimeout(timer);
        resolve(answer);
      };
      this.entries.set(id, pending);
      if (!send()) {
        this.entries.delete(id);
        clearTimeout(timer);
        resolve(undefined);
      }
    });
  }

  /**
   * Takes the entry an answer belongs to (and stops its timer), or undefined.
   *
   * @param {unknown} id
   * @returns {Pending | undefined}
   */
  take(id) {
    if (typeof id !== "number") return undefined;
    const pending = this.entries.get(id);
    if (!pending) return undefined;
    this.entries.delete(id);
    if (pending.timer) clearTimeout(pending.timer);
    return pending;
  }

  /** Resolves every waiting call with undefined and forgets all entries. */
  settle() {
    const entries = [...this.entries.values()];
    this.entries.clear();
    for (const entry of entries) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.resolve?.(undefined);
    }
  }

  /**
   * @param {number} id
   * @param {Pending} pending
   */
  forgetLater(id, pending) {
    pending.timer = setTimeout(() => this.entries.delete(id), LATE_ANSWER_MS);
    pending.timer.unref();
  }
}
