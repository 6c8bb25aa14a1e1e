import type { CliEnvironment } from "./cli_env.ts";
import type { ExitCode } from "./exit_codes.ts";

/** What each command module gets when it registers itself. */
export interface CommandDeps {
  readonly cli: CliEnvironment;
  /** Records the exit code the command ended with; `main.ts` exits with it. */
  setExit(code: ExitCode): void;
}
