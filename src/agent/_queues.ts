/**
 * Runs jobs one after another per key (one session's hooks never interleave), different keys in
 * parallel. A job's failure is its caller's; the queue goes on.
 */
export class _KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `job` after every earlier job of `key` has settled. */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(job, job);
    const tail = result.then(() => undefined, () => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}

/**
 * Background jobs (learning) run one at a time in arrival order, off the hook's critical path.
 * `idle()` resolves once every job queued so far has finished. Jobs handle their own errors.
 */
export class _SerialQueue {
  #tail: Promise<void> = Promise.resolve();

  /** Queues `job`; never rejects. */
  push(job: () => Promise<void>): void {
    this.#tail = this.#tail.then(job).catch(() => undefined);
  }

  /** Waits for the jobs queued so far (and any they queue). */
  async idle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.#tail) {
      seen = this.#tail;
      await seen;
    }
  }
}
