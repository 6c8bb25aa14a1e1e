import type { _Rule } from "./_engine.ts";

/**
 * The home-directory prefix of a path, through the user's name, becomes `[REDACTED_PATH]`; the
 * rest of the path is kept, because file names are what make an error line useful:
 * `/home/alice/project/a.ts` → `[REDACTED_PATH]/project/a.ts`. Shared, system and default
 * profiles (`/Users/Shared`, `C:\Users\Public`, `Default`) are not anyone's and stay. One rule
 * per shape, each behind a substring prefilter: together they cost a scan each on every text.
 */
const UNIX_HOME_RULE: _Rule = {
  name: "home-path-unix",
  applies: (probe) => probe.has("homeUnix"),
  // /home/alice, /Users/alice, /var/home/alice (Silverblue), /mnt/c/Users/alice (WSL).
  pattern:
    /(?<![\w.~-])(?:\/mnt\/[A-Za-z]|\/var)?\/(?:home|Users)\/(?!Shared(?![\w.-]))[A-Za-z0-9._@$-]+/g,
  redact: (m, _text, ctx) => /\/\.{1,2}$/.test(m[0]) ? undefined : ctx.mark("PATH"),
};

const WINDOWS_HOME_RULE: _Rule = {
  name: "home-path-windows",
  applies: (probe) => probe.has("homeWindows"),
  // C:\Users\alice, C:/Users/alice, JSON-escaped C:\\Users\\alice; names may hold spaces.
  // The match starts at the ":" after the drive letter, which the span takes back.
  pattern: new RegExp(
    String.raw`(?<=(?<!\w)[A-Za-z]):(?:\\{1,2}|/)(?:[Uu]sers|Documents and Settings)(?:\\{1,2}|/)` +
      String.raw`(?!(?:Public|Default|Default User|All Users)(?![\w.-]))` +
      String.raw`(?:[^\\/\r\n"'<>:|*?]{1,64}(?=\\|/)|[^\\/\s"'<>:|*?]+)`,
    "g",
  ),
  redact: (m, _text, ctx) =>
    /[\\/]\.{1,2}$/.test(m[0]) ? undefined : { start: m.index - 1, text: ctx.mark("PATH") },
};

/** `~alice/…`: another user's home (a bare `~/` names no one). */
const TILDE_HOME_RULE: _Rule = {
  name: "home-path-tilde",
  applies: (probe) => probe.text.includes("~"),
  pattern: /(?<![\w~$])~[A-Za-z_][A-Za-z0-9._-]{0,31}(?=[\\/])/g,
  redact: (_m, _text, ctx) => ctx.mark("PATH"),
};

function _escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A rule for caller-given home directories (`options.homeDirs`): each, and its forward-slash
 * and JSON-escaped spellings when it is a Windows path, becomes `[REDACTED_PATH]` when it ends
 * where a path component ends. Longest first, so `/srv/u/alice` wins over `/srv/u`.
 */
export function _homeDirsRule(homeDirs: readonly string[]): _Rule | undefined {
  const spellings = new Set<string>();
  for (const raw of homeDirs) {
    const dir = raw.replace(/[\\/]+$/, "");
    if (dir.length < 2) continue;
    spellings.add(dir);
    if (dir.includes("\\")) {
      spellings.add(dir.replace(/\\/g, "/"));
      spellings.add(dir.replace(/\\/g, "\\\\"));
    }
  }
  if (spellings.size === 0) return undefined;
  const sorted = [...spellings].sort((a, b) => b.length - a.length);
  return {
    name: "home-dirs-option",
    applies: (probe) => sorted.some((dir) => probe.text.includes(dir)),
    pattern: new RegExp(`(?<![\\w.-])(?:${sorted.map(_escape).join("|")})(?![\\w.-])`, "g"),
    redact: (_m, _text, ctx) => ctx.mark("PATH"),
  };
}

/** Home-directory paths (built-in shapes). */
export const _PATH_RULES: readonly _Rule[] = [UNIX_HOME_RULE, WINDOWS_HOME_RULE, TILDE_HOME_RULE];
