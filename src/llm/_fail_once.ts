import { redactSecrets } from "../redact/mod.ts";

const PROBLEM_CHARS = 200;

/** Logs the first failure of a provider and counts the rest, so a dead model cannot flood logs. */
export interface _FailureLog {
  /** Records one failure; logs it only the first time. */
  fail(problem: string): void;
  /** Failures so far. */
  readonly count: number;
}

/** A {@link _FailureLog} that writes `what` and the first problem to `log`. */
export function _failOnce(log: (line: string) => void, what: string): _FailureLog {
  let count = 0;
  return {
    fail(problem) {
      count++;
      if (count > 1) return;
      // An error may quote a server's reply, which may echo the task: bounded and redacted.
      const flat = problem.replace(/\s+/g, " ").slice(0, PROBLEM_CHARS);
      log(`${what} (${redactSecrets(flat).text}); falling back (logged once)`);
    },
    get count() {
      return count;
    },
  };
}
