/** Why a request to the hub failed. */
export type RemoteErrorCode =
  /** The sandbox does not grant the hub's host: the message names the flag to add. */
  | "not_granted"
  /** No answer within the time budget. */
  | "timeout"
  /** Connection refused, reset, DNS failure… */
  | "network"
  /** The hub answered with an error status. */
  | "http"
  /** The answer was larger than the client accepts. */
  | "too_large"
  /** The answer was not the JSON the API promises. */
  | "bad_response";

/**
 * A failed request to the hub, with a `code` for callers that retry some failures and not
 * others, and `status` / `retryAfterS` for HTTP errors.
 *
 * @example
 * ```ts
 * try { await client.register(); }
 * catch (error) { if (error instanceof RemoteError && error.code === "not_granted") … }
 * ```
 */
export class RemoteError extends Error {
  readonly code: RemoteErrorCode;
  readonly status: number | undefined;
  readonly retryAfterS: number | undefined;

  constructor(
    code: RemoteErrorCode,
    message: string,
    options: { status?: number; retryAfterS?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "RemoteError";
    this.code = code;
    this.status = options.status;
    this.retryAfterS = options.retryAfterS;
  }

  /** Worth another try: the network, a timeout, a 5xx or a 429. */
  get retryable(): boolean {
    return this.code === "network" || this.code === "timeout" ||
      (this.code === "http" && (this.status === 429 || (this.status ?? 0) >= 500));
  }
}
