/**
 * Retries for the client's background calls (private to the client): exponential backoff with
 * full jitter — a uniform draw in [0, min(5 s, 250 ms·2^attempt)) — so clients that failed
 * together do not retry together; a hub's Retry-After is honoured up to 30 s.
 */
import { RemoteError } from "./remote_error.ts";

const BASE_MS = 250;
const MAX_MS = 5_000;
/** A Retry-After beyond this counts as a failure: the caller's queue will try later. */
const MAX_RETRY_AFTER_MS = 30_000;

/** How to retry. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Uniform [0, 1) for the jitter. */
  readonly random: () => number;
}

/** The delay before retry number `attempt` (0-based). */
export function backoffDelay(attempt: number, random: () => number): number {
  return Math.floor(random() * Math.min(MAX_MS, BASE_MS * 2 ** attempt));
}

/** Runs `run`, retrying retryable {@link RemoteError}s up to `policy.attempts` tries in all. */
export async function withRetries<T>(run: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 0;; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof RemoteError) || !error.retryable || attempt + 1 >= policy.attempts) {
        throw error;
      }
      const hinted = error.retryAfterS !== undefined ? error.retryAfterS * 1000 : undefined;
      if (hinted !== undefined && hinted > MAX_RETRY_AFTER_MS) throw error;
      await policy.sleep(hinted ?? backoffDelay(attempt, policy.random));
    }
  }
}
