/**
 * Exit codes, documented in the README. Scripts and cron can tell a broken
 * setup (2–4) from a failed check (1).
 */
export const EXIT = {
  ok: 0,
  /** The command ran and found something wrong (e.g. `doctor` found a problem). */
  failure: 1,
  /** Bad usage or invalid configuration. */
  usage: 2,
  /** The sandbox does not grant a permission the command needs. */
  sandbox: 3,
  /** A data file is corrupt (it was moved aside) or from a newer lshml. */
  data: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
