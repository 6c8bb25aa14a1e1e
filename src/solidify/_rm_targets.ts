/** Targets whose recursive removal wipes a system, a home or the whole workspace. */
const DANGEROUS_TARGET = new RegExp(
  String.raw`^(?:\/|\/\*|~|~\/|~\/\*|\$\{?HOME\}?\/?\*?|\.\.?\/?|\.\.?\/\*|[A-Za-z]:[\\/]?|` +
    String.raw`\/(?:bin|boot|dev|etc|home|lib|lib64|opt|proc|root|sbin|srv|sys|usr|var)\/?\*?)$`,
);
/** `"$DIR/"`: becomes `/` when the variable is unset (`${DIR:?}` guards against it). */
const UNGUARDED_VARIABLE_ROOT = /^\$\{?\w+\}?\/\*?$/;
/** An `rm` command (not `git rm`, which only unstages) and its arguments up to the next `;&|`. */
const RM_COMMAND = /(?<!\bgit\s+)(?:^|(?<=[\s;&|(`]))rm\s+([^;&|\n`)]*)/g;

/** What an `rm` on the line would remove, judged. */
export interface _RmVerdict {
  readonly severity: "block" | "warn";
  readonly target: string;
}

/**
 * Judges every recursive `rm` on a shell line by its targets: `/`, `~`, `$HOME`, `.`, `..`,
 * system folders (or their `/*`), and `--no-preserve-root` block; `"$VAR/"` warns (empty
 * variable = `/`). `rm -rf ./build`, `rm -rf dist/*`, `rm -rf "$TMPDIR/x"` pass.
 */
export function _judgeRm(line: string): _RmVerdict[] {
  const verdicts: _RmVerdict[] = [];
  for (const match of line.matchAll(RM_COMMAND)) {
    const tokens = (match[1] ?? "").split(/\s+/).filter(Boolean)
      .map((token) => token.replace(/^["']|["']$/g, ""));
    if (tokens.includes("--no-preserve-root")) {
      verdicts.push({ severity: "block", target: "--no-preserve-root" });
      continue;
    }
    const recursive = tokens.some((t) => /^-[a-zA-Z]*[rR]/.test(t) || t === "--recursive");
    if (!recursive) continue;
    for (const target of tokens.filter((t) => !t.startsWith("-"))) {
      if (DANGEROUS_TARGET.test(target)) verdicts.push({ severity: "block", target });
      else if (UNGUARDED_VARIABLE_ROOT.test(target)) verdicts.push({ severity: "warn", target });
    }
  }
  return verdicts;
}
