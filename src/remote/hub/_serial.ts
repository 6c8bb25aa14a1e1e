/**
 * Runs async tasks one at a time, in call order (private to the hub): a SQLite connection is
 * one session, so two transactions must not interleave on it across `await`s.
 *
 * @example
 * ```ts
 * const serial = createSerial();
 * await serial(async () => runTransaction());
 * ```
 */
export function createSerial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    // The chain continues whether the task failed or not; the caller sees its own outcome.
    tail = run.then(() => undefined, () => undefined);
    return run;
  };
}
