/** One bad setting: which key, the value given, where it came from, what is allowed. */
export interface ConfigProblem {
  readonly key: string;
  readonly value: unknown;
  /** `env EVOLVE_STRATEGY`, `file /home/me/.lshml/config.json`, `flag --set`. */
  readonly from: string;
  readonly allowed: string;
}

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value));
}

/**
 * The configuration is invalid. The message lists every problem with its key,
 * value, origin and what is allowed, so it can be fixed in one go.
 */
export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[], options: { cause?: unknown } = {}) {
    const lines = problems.map((p) =>
      `  ${p.key} = ${show(p.value)} (from ${p.from}): expected ${p.allowed}`
    );
    super(`invalid configuration:\n${lines.join("\n")}`, options);
    this.name = "ConfigError";
    this.problems = problems;
  }
}
