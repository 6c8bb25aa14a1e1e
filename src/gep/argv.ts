import { z } from "zod";

/**
 * Characters that mean something only to a shell: command separators and
 * pipes (`; & |`), substitution (`` ` `` `$`), redirection (`< >`) and line
 * breaks. Commands run without a shell, so in a gene's validation command
 * they are either useless or a sign that a shell string was pasted into one
 * argument ("npm test && rm -rf /").
 */
const SHELL_SYNTAX = /[;&|`$<>\r\n\0]/;

/** Programs that would run their arguments as a shell command line again. */
const SHELLS = new Set([
  "sh",
  "bash",
  "dash",
  "zsh",
  "ksh",
  "fish",
  "csh",
  "tcsh",
  "busybox",
  "cmd",
  "cmd.exe",
  "powershell",
  "powershell.exe",
  "pwsh",
  "pwsh.exe",
]);

/**
 * Flags that make a shell run its next argument as a command line: `-c`, `-lc`,
 * `-ec` … (POSIX shells), `/c` `/k` (cmd), `-Command`, `-EncodedCommand` and
 * their abbreviations (PowerShell).
 */
const COMMAND_STRING_FLAG =
  /^(?:-[A-Za-z]*c[A-Za-z]*|\/[ck]|[-/](?:command|encodedcommand|enc|ec|e)(?::.*)?)$/i;

function isShell(arg: string): boolean {
  return SHELLS.has(arg.replace(/^.*[\\/]/, "").toLowerCase());
}

/** True when a shell appears in argv (directly or behind `env`, `nice`, …) with a command string. */
function runsShellString(argv: readonly string[]): boolean {
  const shellAt = argv.findIndex(isShell);
  return shellAt !== -1 && argv.slice(shellAt + 1).some((a) => COMMAND_STRING_FLAG.test(a));
}

/**
 * Why `argv` is not an acceptable validation command, or `undefined` when it is.
 *
 * The rule (validation commands run with no shell, each element one argument):
 * - at least one element; every element a non-empty string;
 * - no element contains shell syntax (`; & | \` $ < >`, line breaks, NUL);
 * - the program (`argv[0]`) contains no whitespace (`"npm test"` is a shell
 *   string, write `["npm", "test"]`);
 * - a shell (`sh`, `bash`, `cmd`, `pwsh`, …), as the program or behind a
 *   wrapper such as `env`, may run a script file but not a command string
 *   (`-c`, `/c`, `-Command`).
 *
 * @example
 * ```ts
 * argvProblem(["git", "diff", "--check"]); // undefined
 * argvProblem(["npm test && rm -rf /"]); // "argv[0] … contains shell syntax …"
 * ```
 */
export function argvProblem(argv: readonly string[]): string | undefined {
  if (argv.length === 0) return "an empty command";
  for (const [i, arg] of argv.entries()) {
    if (arg === "") return `argv[${i}] is empty`;
    const bad = SHELL_SYNTAX.exec(arg);
    if (bad) {
      return `argv[${i}] ${JSON.stringify(arg)} contains shell syntax ${
        JSON.stringify(bad[0])
      }; commands run without a shell, pass each argument separately`;
    }
  }
  const program = argv[0] ?? "";
  if (/\s/.test(program)) {
    return `argv[0] ${
      JSON.stringify(program)
    } contains whitespace; split it into separate arguments`;
  }
  if (runsShellString(argv)) {
    return "a shell with a command-string flag (-c, /c, -Command) runs a shell command line; " +
      "call the program directly or name a script file";
  }
  return undefined;
}

/**
 * A command as an argv array that passes {@link argvProblem}: what genes may
 * list as validation.
 */
export const SafeArgvSchema = z.array(z.string()).superRefine((argv, ctx) => {
  const problem = argvProblem(argv);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
});

/** A recorded command (what was actually run): argv with a non-empty program. */
export const ArgvSchema = z.array(z.string()).min(1).refine((argv) => argv[0] !== "", {
  message: "the program (argv[0]) is empty",
});
