/**
 * A circuit breaker for the search path (private to the client): after `failures` failures in
 * a row the hub is skipped for `coolDownMs`, so a dead hub costs the agent nothing at all
 * instead of a timeout per turn; then one request is let through to test it.
 */
export class Breaker {
  readonly #failures: number;
  readonly #coolDownMs: number;
  #streak = 0;
  #openUntil = 0;

  constructor(failures: number, coolDownMs: number) {
    this.#failures = failures;
    this.#coolDownMs = coolDownMs;
  }

  /** True while requests should be skipped. */
  isOpen(nowMs: number): boolean {
    return nowMs < this.#openUntil;
  }

  /** Failures in a row so far. */
  get streak(): number {
    return this.#streak;
  }

  /** Records a success: the streak ends. Returns true when it ended a streak. */
  succeeded(): boolean {
    const ended = this.#streak > 0;
    this.#streak = 0;
    this.#openUntil = 0;
    return ended;
  }

  /** Records a failure; opens the breaker when the streak reaches the threshold. */
  failed(nowMs: number): void {
    this.#streak++;
    if (this.#streak >= this.#failures) this.#openUntil = nowMs + this.#coolDownMs;
  }
}
