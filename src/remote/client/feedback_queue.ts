/** One feedback report: the reward for the remote memories a task used. */
export interface FeedbackItem {
  readonly ids: readonly string[];
  readonly reward: number;
}

/**
 * A bounded first-in-first-out queue drained by one background sender: `push` never waits,
 * the sender retries on its own schedule, and when the queue is full the oldest report is
 * dropped (and counted) — a hub that is down for a day costs a bounded amount of memory.
 *
 * @example
 * ```ts
 * const queue = new FeedbackQueue(256, (item) => postFeedback(item));
 * queue.push({ ids: ["m_…"], reward: 1 });
 * await queue.flush();
 * ```
 */
export class FeedbackQueue {
  readonly #capacity: number;
  readonly #send: (item: FeedbackItem) => Promise<void>;
  readonly #items: FeedbackItem[] = [];
  #draining: Promise<void> | undefined;
  #dropped = 0;
  #sent = 0;
  #failed = 0;

  /**
   * @param send delivers one item, retrying as it sees fit; a rejection drops the item.
   */
  constructor(capacity: number, send: (item: FeedbackItem) => Promise<void>) {
    this.#capacity = capacity;
    this.#send = send;
  }

  /** Queues a report and makes sure the sender runs. */
  push(item: FeedbackItem): void {
    if (this.#items.length >= this.#capacity) {
      this.#items.shift();
      this.#dropped++;
    }
    this.#items.push(item);
    this.#draining ??= this.#drain().finally(() => (this.#draining = undefined));
  }

  async #drain(): Promise<void> {
    for (let item = this.#items.shift(); item; item = this.#items.shift()) {
      try {
        await this.#send(item);
        this.#sent++;
      } catch (_error) {
        // The sender has logged why; the report is dropped and counted.
        this.#failed++;
      }
    }
  }

  /** Waits until the queue is empty, or `timeoutMs` passes. */
  async flush(timeoutMs = Infinity): Promise<void> {
    let expired = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => {
      if (!Number.isFinite(timeoutMs)) return;
      timer = setTimeout(() => {
        expired = true;
        resolve();
      }, timeoutMs);
    });
    try {
      while (this.#draining && !expired) await Promise.race([this.#draining, limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Reports waiting, sent, given up on after retries, and dropped because the queue was full. */
  counts(): { pending: number; sent: number; failed: number; dropped: number } {
    return {
      pending: this.#items.length,
      sent: this.#sent,
      failed: this.#failed,
      dropped: this.#dropped,
    };
  }
}
